# numpy 1.26 float32 port: the expected lines of scripts/tensor/lenet_tiny_float32.tdl
import numpy as np
f = np.float32
rng = np.random.RandomState(23455)
N, K1, K2 = 6, 3, 4
X = np.asarray(rng.uniform(0, 1, size=(12, 100)), dtype=f)
Y = np.asarray(rng.randint(0, 3, size=12), dtype='int64')
def unif(shape, fan_in, fan_out):
    bd = np.sqrt(6.0 / (fan_in + fan_out))
    return np.asarray(rng.uniform(low=-bd, high=bd, size=shape), dtype=f)
W0 = unif((K1, 1, 3, 3), 9, K1 * 9 // 4); b0 = np.zeros(K1, f)
W1 = unif((K2, K1, 3, 3), K1 * 9, K2 * 9 // 4); b1 = np.zeros(K2, f)
W2 = unif((K2, 5), K2, 5); b2 = np.zeros(5, f)
W3 = np.zeros((5, 3), f); b3 = np.zeros(3, f)
def conv(x, W):
    Wf = W[:, :, ::-1, ::-1]
    n, c, H, Wd = x.shape; k, _, fh, fw = W.shape
    out = np.zeros((n, k, H - fh + 1, Wd - fw + 1), f)
    for u in range(fh):
        for v in range(fw):
            patch = x[:, :, u:u + H - fh + 1, v:v + Wd - fw + 1]
            out += np.einsum('nchw,kc->nkhw', patch, Wf[:, :, u, v])
    return out
def conv_back(x, W, d):
    Wf = W[:, :, ::-1, ::-1]
    n, c, H, Wd = x.shape; k, _, fh, fw = W.shape
    dWf = np.zeros_like(W); dx = np.zeros_like(x)
    oh, ow = H - fh + 1, Wd - fw + 1
    for u in range(fh):
        for v in range(fw):
            patch = x[:, :, u:u + oh, v:v + ow]
            dWf[:, :, u, v] = np.einsum('nkhw,nchw->kc', d, patch)
            dx[:, :, u:u + oh, v:v + ow] += np.einsum('nkhw,kc->nchw', d, Wf[:, :, u, v])
    return dWf[:, :, ::-1, ::-1], dx
def pool(x):
    n, c, H, W = x.shape
    xr = x[:, :, :H // 2 * 2, :W // 2 * 2].reshape(n, c, H // 2, 2, W // 2, 2)
    return xr.max(axis=(3, 5))
def pool_back(x, pooled, d):
    n, c, H, W = x.shape
    dx = np.zeros_like(x)
    for a in range(2):
        for b in range(2):
            sub = x[:, :, a:H // 2 * 2:2, b:W // 2 * 2:2]
            dx[:, :, a:H // 2 * 2:2, b:W // 2 * 2:2] += d * (sub == pooled)
    return dx
lr = f(0.1)
for e in range(3):
    for i in range(2):
        x = X[i * N:(i + 1) * N].reshape(N, 1, 10, 10); y = Y[i * N:(i + 1) * N]
        c0 = conv(x, W0); p0 = pool(c0); o0 = np.tanh(p0 + b0[None, :, None, None])
        c1 = conv(o0, W1); p1 = pool(c1); o1 = np.tanh(p1 + b1[None, :, None, None])
        fl = o1.reshape(N, -1)
        h = np.tanh(fl.dot(W2) + b2)
        a = h.dot(W3) + b3
        ex = np.exp(a - a.max(1, keepdims=True)); pr = ex / ex.sum(1, keepdims=True)
        cost = -np.mean(np.log(pr)[np.arange(N), y])
        d = pr.copy(); d[np.arange(N), y] -= 1; d /= f(N)
        gW3 = h.T.dot(d); gb3 = d.sum(0)
        dh = d.dot(W3.T) * (1 - h * h)
        gW2 = fl.T.dot(dh); gb2 = dh.sum(0)
        dfl = dh.dot(W2.T).reshape(o1.shape) * (1 - o1 * o1)
        gb1 = dfl.sum((0, 2, 3))
        dc1 = pool_back(c1, p1, dfl)
        gW1, do0 = conv_back(o0, W1, dc1)
        do0 = do0 * (1 - o0 * o0)
        gb0 = do0.sum((0, 2, 3))
        dc0 = pool_back(c0, p0, do0)
        gW0, _ = conv_back(x, W0, dc0)
        for q, g in ((W3, gW3), (b3, gb3), (W2, gW2), (b2, gb2), (W1, gW1), (b1, gb1), (W0, gW0), (b0, gb0)):
            assert g.dtype == f, g.dtype
            q -= lr * g
        print('%d %d %.9f' % (e, i, cost))
for q in (W3, b3, W2, b2, W1, b1, W0, b0):
    print('%.9f' % q.sum(), q.dtype)
