"""Reference for the LeNet row: the deeplearning.net LeNet (convolutional_mlp.py: 20 and 50 5x5
filters, 2x2 max-pooling, 500 tanh units, softmax; minibatches of 500, SGD with rate 0.1) written
with numpy and im2col, as a user without a deep-learning framework would. Same data split as TDL's
load_mnist() on the shipped sample: the first 8000 of ../data/mnist10k-* for training.

Usage: python3 bench/lenet_numpy.py [--epochs N] [--batches N] [--batch-size N] [--data DIR]
Prints the cost every 10 minibatches, `epoch time: T s` and `forward time: T s` (the forward pass
alone over the same minibatches).
"""
import argparse, gzip, os, time
import numpy as np


def load(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic = int.from_bytes(raw[:4], "big")
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(magic & 0xFF)]
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def im2col(x, k):
    """(B, C, H, W) -> (B, C*k*k, OH*OW) for a 'valid' k x k window."""
    b, c, h, w = x.shape
    oh, ow = h - k + 1, w - k + 1
    s = x.strides
    win = np.lib.stride_tricks.as_strided(x, (b, c, k, k, oh, ow), (s[0], s[1], s[2], s[3], s[2], s[3]))
    return win.reshape(b, c * k * k, oh * ow), oh, ow


def col2im(dcol, shape, k):
    b, c, h, w = shape
    oh, ow = h - k + 1, w - k + 1
    dx = np.zeros(shape)
    d = dcol.reshape(b, c, k, k, oh, ow)
    for u in range(k):
        for v in range(k):
            dx[:, :, u:u + oh, v:v + ow] += d[:, :, u, v]
    return dx


def conv_forward(x, w):  # correlation with flipped filters = Theano's true convolution
    f, c, k, _ = w.shape
    wf = w[:, :, ::-1, ::-1].reshape(f, -1)
    col, oh, ow = im2col(x, k)
    return np.matmul(wf, col).reshape(x.shape[0], f, oh, ow), col


def conv_backward(g, x, w, col):
    f, c, k, _ = w.shape
    b = x.shape[0]
    g2 = g.reshape(b, f, -1)
    dwf = np.matmul(g2, col.transpose(0, 2, 1)).sum(axis=0)
    dw = dwf.reshape(w.shape)[:, :, ::-1, ::-1]
    wf = w[:, :, ::-1, ::-1].reshape(f, -1)
    dcol = np.matmul(wf.T, g2)
    return col2im(dcol, x.shape, k), dw


def pool_forward(x):
    b, c, h, w = x.shape
    r = x[:, :, :h // 2 * 2, :w // 2 * 2].reshape(b, c, h // 2, 2, w // 2, 2)
    return r.max(axis=(3, 5))


def pool_backward(g, x, out):
    b, c, h, w = x.shape
    r = x[:, :, :h // 2 * 2, :w // 2 * 2].reshape(b, c, h // 2, 2, w // 2, 2)
    mask = r == out[:, :, :, None, :, None]  # every tied maximum gets the gradient, as Theano
    dx = np.zeros_like(x)
    dx[:, :, :h // 2 * 2, :w // 2 * 2] = (mask * g[:, :, :, None, :, None]).reshape(b, c, h // 2 * 2, w // 2 * 2)
    return dx


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
    bs, lr = a.batch_size, 0.1

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
    n_batches = train_x.shape[0] // bs
    if a.batches:
        n_batches = min(n_batches, a.batches)
    for epoch in range(a.epochs):
        t0 = time.perf_counter()
        for i in range(n_batches):
            x = train_x[i * bs:(i + 1) * bs].reshape(bs, 1, 28, 28)
            y = train_y[i * bs:(i + 1) * bs]
            c0, col0 = conv_forward(x, w0)
            p0 = pool_forward(c0)
            h0 = np.tanh(p0 + b0[None, :, None, None])
            c1, col1 = conv_forward(h0, w1)
            p1 = pool_forward(c1)
            h1 = np.tanh(p1 + b1[None, :, None, None])
            f = h1.reshape(bs, -1)
            h2 = np.tanh(f @ w2 + b2)
            z = h2 @ w3 + b3
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            cost = -np.mean(np.log(p[np.arange(bs), y]))
            if i % 10 == 0:
                print("training @ iter = %d, cost %f" % (epoch * n_batches + i, cost))
            dz = p.copy()
            dz[np.arange(bs), y] -= 1
            dz /= bs
            dw3, db3 = h2.T @ dz, dz.sum(0)
            dh2 = (dz @ w3.T) * (1 - h2 ** 2)
            dw2, db2 = f.T @ dh2, dh2.sum(0)
            dh1 = (dh2 @ w2.T).reshape(h1.shape) * (1 - h1 ** 2)
            db1 = dh1.sum(axis=(0, 2, 3))
            dc1 = pool_backward(dh1, c1, p1)
            dh0, dw1 = conv_backward(dc1, h0, w1, col1)
            dh0 = dh0 * (1 - h0 ** 2)
            db0 = dh0.sum(axis=(0, 2, 3))
            dc0 = pool_backward(dh0, c0, p0)
            _, dw0 = conv_backward(dc0, x, w0, col0)
            for prm, g in ((w0, dw0), (b0, db0), (w1, dw1), (b1, db1), (w2, dw2), (b2, db2), (w3, dw3), (b3, db3)):
                prm -= lr * g
        print("epoch time: %.3f s (%d minibatches of %d)" % (time.perf_counter() - t0, n_batches, bs))
    # the forward pass alone (predicted labels), as TDL's lenet_forward
    t0 = time.perf_counter()
    for i in range(n_batches):
        x = train_x[i * bs:(i + 1) * bs].reshape(bs, 1, 28, 28)
        h0 = np.tanh(pool_forward(conv_forward(x, w0)[0]) + b0[None, :, None, None])
        h1 = np.tanh(pool_forward(conv_forward(h0, w1)[0]) + b1[None, :, None, None])
        np.argmax(np.tanh(h1.reshape(bs, -1) @ w2 + b2) @ w3 + b3, axis=1)
    print("forward time: %.3f s (%d minibatches of %d)" % (time.perf_counter() - t0, n_batches, bs))


if __name__ == "__main__":
    main()
