#!/usr/bin/env python3
"""The LeNet row's JAX reference: the model of bench/lenet_numpy.py (deeplearning.net
convolutional_mlp.py: 20 and 50 5x5 filters, 2x2 max-pooling, 500 tanh units, softmax; minibatches
of 500, SGD with rate 0.1), the same data split and the same initial weights (numpy
RandomState(23455), drawn in the same order), float64 (jax_enable_x64).

One jax.jit for a training step (forward, jax.grad, update), compiled ahead of time so the compile
is reported apart; one for the forward pass. Timings end with block_until_ready.

Usage: VENV/bin/python bench/lenet_jax.py [--epochs N] [--batches N] [--batch-size N] [--data DIR]
Prints `compile time`, `epoch time: T s (N minibatches of B)` and `forward time: T s (...)`, as
lenet_numpy.py does.
"""
import argparse, gzip, os, time
import numpy as np
import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp
from jax import lax


def load(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic = int.from_bytes(raw[:4], "big")
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(magic & 0xFF)]
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def conv_pool_tanh(x, w, b):
    # Theano's conv2d flips the filters (a true convolution); lax's is a correlation
    c = lax.conv_general_dilated(x, w[:, :, ::-1, ::-1], (1, 1), "VALID",
                                 dimension_numbers=("NCHW", "OIHW", "NCHW"))
    p = lax.reduce_window(c, -jnp.inf, lax.max, (1, 1, 2, 2), (1, 1, 2, 2), "VALID")
    return jnp.tanh(p + b[None, :, None, None])


def logits(params, x):
    w0, b0, w1, b1, w2, b2, w3, b3 = params
    h0 = conv_pool_tanh(x, w0, b0)
    h1 = conv_pool_tanh(h0, w1, b1)
    h2 = jnp.tanh(h1.reshape(x.shape[0], -1) @ w2 + b2)
    return h2 @ w3 + b3


def cost(params, x, y):
    z = logits(params, x)
    logp = z - jax.scipy.special.logsumexp(z, axis=1, keepdims=True)
    return -jnp.mean(logp[jnp.arange(x.shape[0]), y])


def step(params, x, y):
    c, g = jax.value_and_grad(cost)(params, x, y)
    return [p - 0.1 * gp for p, gp in zip(params, g)], c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--batches", type=int, default=None)
    ap.add_argument("--batch-size", type=int, default=500)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "data"))
    a = ap.parse_args()
    images = load(os.path.join(a.data, "mnist10k-images-idx3-ubyte.gz")).reshape(-1, 784) / 255.0
    labels = load(os.path.join(a.data, "mnist10k-labels-idx1-ubyte.gz")).astype(np.int64)
    n = images.shape[0]
    train_x, train_y = images[:n - 2 * (n // 10)], labels[:n - 2 * (n // 10)]
    rng = np.random.RandomState(23455)
    bs = a.batch_size

    def conv_init(shape):
        fan_in = np.prod(shape[1:])
        fan_out = shape[0] * np.prod(shape[2:]) // 4
        bound = np.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-bound, bound, shape)

    w0, b0 = conv_init((20, 1, 5, 5)), np.zeros(20)
    w1, b1 = conv_init((50, 20, 5, 5)), np.zeros(50)
    bound = np.sqrt(6.0 / (800 + 500))
    w2, b2 = rng.uniform(-bound, bound, (800, 500)), np.zeros(500)
    w3, b3 = np.zeros((500, 10)), np.zeros(10)
    params = [jnp.asarray(p) for p in (w0, b0, w1, b1, w2, b2, w3, b3)]
    n_batches = train_x.shape[0] // bs
    if a.batches:
        n_batches = min(n_batches, a.batches)
    xs = [jnp.asarray(train_x[i * bs:(i + 1) * bs].reshape(bs, 1, 28, 28)) for i in range(n_batches)]
    ys = [jnp.asarray(train_y[i * bs:(i + 1) * bs]) for i in range(n_batches)]
    t0 = time.perf_counter()
    train = jax.jit(step).lower(params, xs[0], ys[0]).compile()
    forward = jax.jit(lambda p, x: jnp.argmax(logits(p, x), axis=1)).lower(params, xs[0]).compile()
    print("compile time: %.3f s" % (time.perf_counter() - t0))
    for epoch in range(a.epochs):
        t0 = time.perf_counter()
        for i in range(n_batches):
            params, c = train(params, xs[i], ys[i])
            if i % 10 == 0:
                print("training @ iter = %d, cost %f" % (epoch * n_batches + i, float(c)))
        jax.block_until_ready(params)
        print("epoch time: %.3f s (%d minibatches of %d)" % (time.perf_counter() - t0, n_batches, bs))
    t0 = time.perf_counter()
    for i in range(n_batches):
        out = forward(params, xs[i])
    out.block_until_ready()
    print("forward time: %.3f s (%d minibatches of %d)" % (time.perf_counter() - t0, n_batches, bs))


if __name__ == "__main__":
    main()
