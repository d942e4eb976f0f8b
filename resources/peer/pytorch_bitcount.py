#!/usr/bin/env python3
"""The tutorial's bit-counting LSTM in PyTorch: a peer to measure Bitcount LSTM Lab against.

It follows the tutorial's TensorFlow 1.0 code as printed (see README.md beside this file):
all 2^20 strings shuffled once, the first 10,000 train in a fixed order, the other 1,038,576 test;
LSTMCell(24) with TensorFlow's initialisation, the last step's output through a softmax over the
counts 0..20, the summed clipped cross-entropy, Adam with TensorFlow's defaults, batch 1000.

Commands:
  train      the tutorial end to end (600 epochs), then the error on every test string
  benchmark  ms per training minibatch at the tutorial configuration, prediction and evaluation speed
  time-to    training seconds until the held-out error reaches a target, then the error on the
             test strings outside the held-out sample (which took no part in deciding when to stop)
Every command takes --threads (PyTorch's intra-op threads) and ends with one JSON line.
"""
import argparse
import json
import math
import statistics
import time

import numpy as np
import torch

LENGTH = 20
CLASSES = LENGTH + 1
TRAIN_SIZE = 10_000
EXAMPLE = "10011011101001101110"  # the string the tutorial prints the softmax for


class Counter(torch.nn.Module):
    """LSTM(1 -> hidden) -> last step -> linear -> softmax, initialised as the tutorial's code."""

    def __init__(self, hidden, init):
        super().__init__()
        self.lstm = torch.nn.LSTM(1, hidden, batch_first=True)
        self.out = torch.nn.Linear(hidden, CLASSES)
        if init == "tutorial":
            self._tensorflow_init(hidden)

    def _tensorflow_init(self, hidden):
        # TF's LSTMCell has one kernel over [input; hidden] -> 4H, glorot-uniform over the whole
        # [1 + H, 4H] matrix, and one bias. PyTorch splits the kernel into weight_ih and weight_hh
        # (same limit for both) and has two biases: bias_hh stays zero and frozen, so one bias trains.
        # Gate order: TF splits columns i, j, f, o; PyTorch rows are i, f, g(=j), o. Only the forget
        # gate's bias differs between gates: TF adds forget_bias=1.0, which trains exactly like a
        # trainable bias that starts at 1.0.
        limit = math.sqrt(6.0 / ((1 + hidden) + 4 * hidden))
        with torch.no_grad():
            self.lstm.weight_ih_l0.uniform_(-limit, limit)
            self.lstm.weight_hh_l0.uniform_(-limit, limit)
            self.lstm.bias_ih_l0.zero_()
            self.lstm.bias_ih_l0[hidden:2 * hidden] = 1.0
            self.lstm.bias_hh_l0.zero_()
            # tf.truncated_normal([H, 21]): sd 1, redrawn beyond 2 sd; tf.constant(0.1)
            torch.nn.init.trunc_normal_(self.out.weight, 0.0, 1.0, -2.0, 2.0)
            self.out.bias.fill_(0.1)
        self.lstm.bias_hh_l0.requires_grad_(False)

    def forward(self, x):
        outputs, _ = self.lstm(x)
        return torch.softmax(self.out(outputs[:, -1, :]), dim=1)


def strings(seed):
    """All 2^20 strings shuffled once by the seed: (train values, test values)."""
    values = np.random.default_rng(seed).permutation(1 << LENGTH)
    return values[:TRAIN_SIZE], values[TRAIN_SIZE:]


def encode(values):
    """[n, 20, 1] float bits, most significant first, and the counts."""
    shifts = np.arange(LENGTH - 1, -1, -1)
    bits = (values[:, None] >> shifts) & 1
    return torch.from_numpy(bits.astype(np.float32)).unsqueeze(2), torch.from_numpy(bits.sum(axis=1))


def loss_fn(prediction, counts, reduction):
    # the tutorial's -reduce_sum(target * log(clip(prediction, 1e-10, 1)))
    log_p = torch.log(torch.clamp(prediction, 1e-10, 1.0)).gather(1, counts.unsqueeze(1))
    return -log_p.sum() if reduction == "sum" else -log_p.mean()


def error_percent(model, values, batch=65_536):
    wrong = 0
    with torch.no_grad():
        for start in range(0, len(values), batch):
            x, counts = encode(values[start:start + batch])
            wrong += (model(x).argmax(dim=1) != counts).sum().item()
    return 100.0 * wrong / len(values)


def make(args):
    torch.manual_seed(args.seed)
    model = Counter(args.hidden, args.init)
    params = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.Adam(params, lr=args.lr, betas=(0.9, 0.999), eps=1e-8)
    return model, optimiser


def step(model, optimiser, x, counts, reduction):
    optimiser.zero_grad()
    loss = loss_fn(model(x), counts, reduction)
    loss.backward()
    optimiser.step()
    return loss.item()


def train(args):
    train_values, test_values = strings(args.seed)
    model, optimiser = make(args)
    batches = [encode(train_values[i:i + args.batch]) for i in range(0, TRAIN_SIZE, args.batch)]
    held_out = test_values[:args.eval_sample]
    seconds = 0.0
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        for x, counts in batches:
            step(model, optimiser, x, counts, args.loss)
        seconds += time.perf_counter() - start
        if epoch % args.every == 0 or epoch == args.epochs:
            print(f"Epoch {epoch:4d} held-out error {error_percent(model, held_out):6.3f}%  train s {seconds:8.1f}",
                  flush=True)
    test_error = error_percent(model, test_values)
    with torch.no_grad():
        example = model(encode(np.array([int(EXAMPLE, 2)]))[0])[0]
    print("Softmax for", EXAMPLE, np.array2string(example.numpy(), precision=8))
    print(f"Epoch {args.epochs} error {test_error:.1f}% (full test set: {test_error:.4f}%)")
    summary(args, trainSeconds=round(seconds, 3), testError=round(test_error, 4), testStrings=len(test_values))


def benchmark(args):
    train_values, test_values = strings(args.seed)
    model, optimiser = make(args)
    batches = [encode(train_values[i:i + args.batch]) for i in range(0, TRAIN_SIZE, args.batch)]
    times = []
    for i in range(args.warmup + args.minibatches):
        x, counts = batches[i % len(batches)]
        start = time.perf_counter()
        step(model, optimiser, x, counts, args.loss)
        if i >= args.warmup:
            times.append((time.perf_counter() - start) * 1000)
    one = encode(np.array([int(EXAMPLE, 2)]))[0]
    predict = []
    with torch.no_grad():
        for i in range(2000):
            start = time.perf_counter()
            model(one)
            predict.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    error_percent(model, test_values)
    eval_seconds = time.perf_counter() - start
    print(f"training ms per minibatch of {args.batch}: median {statistics.median(times):.2f}"
          f" (min {min(times):.2f}, max {max(times):.2f}, {len(times)} minibatches)")
    print(f"prediction ms for one string: median {statistics.median(predict[100:]):.4f}")
    print(f"full test set: {eval_seconds:.2f} s ({len(test_values) / eval_seconds:,.0f} strings/s)")
    summary(args, trainMsPerMinibatch=round(statistics.median(times), 3), trainMsMin=round(min(times), 3),
            trainMsMax=round(max(times), 3), predictMs=round(statistics.median(predict[100:]), 4),
            evalStringsPerSecond=round(len(test_values) / eval_seconds))


def time_to(args):
    train_values, test_values = strings(args.seed)
    model, optimiser = make(args)
    held_out, unseen = test_values[:args.eval_sample], test_values[args.eval_sample:]
    order = np.random.default_rng(args.seed + 1)
    seconds = 0.0
    for epoch in range(1, args.epochs + 1):
        for group in optimiser.param_groups:
            group["lr"] = args.lr * args.decay ** (epoch - 1)
        values = order.permutation(train_values) if args.shuffle else train_values
        start = time.perf_counter()
        for i in range(0, TRAIN_SIZE, args.batch):
            x, counts = encode(values[i:i + args.batch])
            step(model, optimiser, x, counts, args.loss)
        seconds += time.perf_counter() - start
        error = error_percent(model, held_out)
        print(f"Epoch {epoch:4d} held-out error {error:6.3f}%  train s {seconds:8.2f}", flush=True)
        if error <= args.target:
            unseen_error = error_percent(model, unseen)
            print(f"Reached {error:.3f}% at epoch {epoch} after {seconds:.2f} s of training;"
                  f" {unseen_error:.4f}% error on the {len(unseen):,} test strings outside the held-out sample")
            summary(args, epochs=epoch, secondsToTarget=round(seconds, 3), unseenTestError=round(unseen_error, 4),
                    unseenTestStrings=len(unseen))
            return
    print(f"Not reached in {args.epochs} epochs")
    summary(args, secondsToTarget=None)


def summary(args, **figures):
    print(json.dumps({"command": args.command, "threads": torch.get_num_threads(), "torch": torch.__version__,
                      "seed": args.seed, "hidden": args.hidden, "batch": args.batch, "lr": args.lr,
                      "init": args.init, "loss": args.loss, "decay": args.decay, **figures}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["train", "benchmark", "time-to"])
    parser.add_argument("--threads", type=int, default=1, help="PyTorch intra-op threads (default 1)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hidden", type=int, default=24)
    parser.add_argument("--init", choices=["tutorial", "pytorch"], default="tutorial",
                        help="TensorFlow 1.0's initialisation as the tutorial ran (default) or PyTorch's own")
    parser.add_argument("--loss", choices=["sum", "mean"], default="sum",
                        help="summed over the minibatch as the tutorial (default), or the mean")
    parser.add_argument("--batch", type=int, help="default: 1000 (train, benchmark), 50 (time-to)")
    parser.add_argument("--lr", type=float, help="Adam's rate; default: 0.001 (train, benchmark), 0.01 (time-to)")
    parser.add_argument("--decay", type=float, default=1.0,
                        help="time-to: the learning rate is multiplied by this each epoch (default 1: constant)")
    parser.add_argument("--epochs", type=int, help="default: 600 (train), 100 (time-to: at most)")
    parser.add_argument("--every", type=int, default=50, help="train: print every k-th epoch")
    parser.add_argument("--eval-sample", type=int, default=50_000, help="held-out strings scored each epoch")
    parser.add_argument("--target", type=float, default=1.0, help="time-to: held-out error to reach, percent")
    parser.add_argument("--shuffle", action=argparse.BooleanOptionalAction, default=None,
                        help="time-to: reshuffle the training strings each epoch (default: yes)")
    parser.add_argument("--warmup", type=int, default=100, help="benchmark: minibatches before timing")
    parser.add_argument("--minibatches", type=int, default=100, help="benchmark: minibatches timed")
    args = parser.parse_args()
    fast = args.command == "time-to"
    args.batch = args.batch or (50 if fast else 1000)
    args.lr = args.lr or (0.01 if fast else 0.001)
    args.epochs = args.epochs or (100 if fast else 600)
    args.shuffle = fast if args.shuffle is None else args.shuffle
    torch.set_num_threads(args.threads)
    {"train": train, "benchmark": benchmark, "time-to": time_to}[args.command](args)


if __name__ == "__main__":
    main()
