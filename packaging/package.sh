#!/usr/bin/env bash
# Builds the installers for the OS it runs on, from target/bitcount-lstm-lab.jar and target/lib/
# (run `mvn -DskipTests package` first, or use `mvn -Pdist package`, which runs this script):
#   Linux:   an app-image (target/dist/bitcount-lstm-lab/) and a .deb
#   Windows: an .msi (needs the WiX toolset 3 on the PATH)
#   macOS:   a .dmg
# The runtime is trimmed with jlink to the modules jdeps finds; all jars stay on the classpath
# (DL4J's jars cannot be linked as modules).
#   package.sh [app-image|installer|all] [--check]   default: all
# --check runs the app-image's launcher once, headless (a prediction), and fails if it does not work
# or cannot use its class-data archive.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
check=${2:-}
name=bitcount-lstm-lab
version=1.0.0
target=target
dist=$target/dist
input=$target/jpackage-input
runtime=$target/jpackage-runtime

[ -f "$target/$name.jar" ] && [ -d "$target/lib" ] || { echo "run mvn -DskipTests package first" >&2; exit 1; }
case "$(uname -s)" in
  Linux*) os=linux; icon=packaging/linux/$name.png; installer=deb ;;
  Darwin*) os=macos; icon=packaging/macos/$name.icns; installer=dmg ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; icon=packaging/windows/$name.ico; installer=msi ;;
  *) echo "unsupported OS $(uname -s)" >&2; exit 1 ;;
esac

rm -rf "$input" "$runtime" "$dist"
mkdir -p "$input/lib" "$dist"
cp "$target/$name.jar" "$input/"
cp "$target"/lib/*.jar "$input/lib/"
# JavaFX's native libraries, beside its jars, where it loads them without unpacking them (pom.xml)
find "$target/lib" -maxdepth 1 \( -name '*.so' -o -name '*.dylib' \) -exec cp {} "$input/lib/" \;

start=$(date +%s)
modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path "$input/lib/*" "$input/$name.jar")
# jdeps cannot see what is loaded reflectively: JavaFX's and JavaCPP's own needs, locale data for
# the translated UI, and jdk.unsupported (sun.misc.Unsafe) for the native-memory code.
modules="$modules,jdk.unsupported,jdk.localedata,java.naming,jdk.zipfs"
echo "runtime modules: $modules"
feature=$(jlink --version | sed 's/[^0-9].*//')
compress=2 # JDK 21 and later call it zip-6 and warn about the old name, which JDK 17 alone knows
[ "$feature" -ge 21 ] && compress=zip-6
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress="$compress" \
  --output "$runtime"

# -Xmx1g: a heap that leaves a 4 GB laptop room for its system and ND4J's native memory (which
# JavaCPP caps at the heap's size); every preset and ready sweep fits (docs/packaging.md)
common=(--name "$name" --app-version "$version" --vendor "Bitcount LSTM Lab"
  --description "Watch an LSTM learn to count the ones in a binary string"
  --input "$input" --main-jar "$name.jar" --main-class org.bitcountlab.Launcher
  --runtime-image "$runtime" --icon "$icon"
  --java-options "-Xmx1g" --java-options "-Dprism.lcdtext=false" --java-options "-XX:+UseZGC"
  --java-options "-XX:Tier4InvocationThreshold=50000" --java-options "-XX:Tier4CompileThreshold=150000")
# The runtime is the JDK's that runs this script (Temurin 17 in CI). From JDK 24 on it warns, at
# the first call, about JNA's and JavaCPP's System.load (restricted methods) and JavaFX's and
# JavaCPP's sun.misc.Unsafe memory access; the launchers allow both, as the app needs them (JDK 17
# refuses the second option). The class-data archive is dumped with the same options: CDS refuses,
# noisily, a runtime's native access that the dump did not have.
runtime_options=()
if [ "$feature" -ge 24 ]; then
  runtime_options=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi
# (${a[@]+"${a[@]}"}: an empty array under set -u, in macOS's bash 3.2 too)
for option in ${runtime_options[@]+"${runtime_options[@]}"}; do
  common+=(--java-options "$option")
done

if [ "$what" = app-image ] || [ "$what" = all ]; then
  # the class-data archive is made with the app-image's own runtime and jar, where they will stay
  case "$os" in
    linux) appdir="$dist/$name/lib/app"; java="$dist/$name/lib/runtime/bin/java" ;;
    macos) appdir="$dist/$name.app/Contents/app"; java="$dist/$name.app/Contents/runtime/Contents/Home/bin/java" ;;
    windows) appdir="$dist/$name/app"; java="$dist/$name/runtime/bin/java.exe" ;;
  esac
  jpackage --type app-image "${common[@]}" --java-options "-XX:SharedArchiveFile=\$APPDIR/$name.jsa" --dest "$dist"
  bash packaging/cds/dump.sh "$java" "$appdir/$name.jar" "$appdir/$name.jsa" ${runtime_options[@]+"${runtime_options[@]}"}
  [ "$os" = linux ] && cp packaging/linux/$name.png "$dist/$name/lib/$name.png"
  echo "app-image: $dist/$name ($(du -sh "$dist/$name" | cut -f1))"
  if [ "$check" = --check ]; then
    case "$os" in
      linux) launcher="$dist/$name/bin/$name" ;;
      macos) launcher="$dist/$name.app/Contents/MacOS/$name" ;;
      windows) launcher="$dist/$name/$name.exe" ;;
    esac
    # -Xshare:on: the JVM refuses to start unless it can use the class-data archive
    JAVA_TOOL_OPTIONS=-Xshare:on "$launcher" predict 10011011101001101110 2>&1 | tail -n 1 | grep -q "true count 12" \
      || { echo "the app-image's launcher did not predict, or could not use its class-data archive" >&2; exit 1; }
    echo "app-image launcher works"
  fi
fi
if [ "$what" = installer ] || [ "$what" = all ]; then
  # a double-clicked model opens in the app (the launcher opens the window on a .zip it is given)
  extra=(--file-associations "packaging/$os/bitcount-model.properties")
  if [ "$os" = linux ]; then
    # the menu entry (with the model type) and the maintainer scripts
    extra+=(--resource-dir packaging/linux)
  fi
  if [ "$os" = windows ]; then
    # the main launcher has no console (a double click opens no black window), so its output goes
    # nowhere; the commands of the command line run from a second one that has
    extra+=(--add-launcher "$name-cli=packaging/windows/cli-launcher.properties")
  fi
  jpackage --type "$installer" "${common[@]}" --dest "$dist" @"packaging/$os/jpackage.args" "${extra[@]}"
  ls -la "$dist"/*."$installer"
fi
echo "packaged in $(( $(date +%s) - start )) s"
