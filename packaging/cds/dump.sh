#!/usr/bin/env bash
# Dumps a class-data sharing (AppCDS) archive for the app: the classes a session loads (listed in
# classes.lst), parsed and verified once here instead of at every start. It is only valid for the
# java that made it, for the jar at that very path and for the collector the app runs with (ZGC:
# an archive made for compressed pointers is refused by it), so each build makes its own:
#   dump.sh JAVA JAR ARCHIVE [OPTION...]
# OPTIONs are the runtime's module options that CDS compares with the dump's (package.sh passes
# --enable-native-access for a JDK 24+ runtime; an archive dumped without it is refused noisily).
# `mvn package` makes target/bitcount-lstm-lab.jsa for `java -jar target/bitcount-lstm-lab.jar`;
# package.sh makes one inside the app-image, with the app-image's own runtime.
# The list itself comes from a real session (Linux, GTK):
#   java -XX:DumpLoadedClassList=packaging/cds/classes.lst -jar target/bitcount-lstm-lab.jar
# (open the window, train, look at every tab, close). Classes it names that a platform lacks are skipped.
set -euo pipefail
java=$1
jar=$2
archive=$3
shift 3
list="$(cd "$(dirname "$0")" && pwd)/classes.lst"
rm -f "$archive"
if ! "$java" "$@" -XX:+UseZGC -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive" -cp "$jar" \
    > "$archive.log" 2>&1; then
  cat "$archive.log" >&2
  exit 1
fi
rm -f "$archive.log"
echo "class-data archive: $archive ($(du -h "$archive" | cut -f1))"
