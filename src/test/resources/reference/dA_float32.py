# numpy 1.26 float32 port: the expected lines of scripts/tensor/dA_tutorial_float32.tdl
import numpy as np
f = np.float32
rng = np.random.RandomState(123)
data = np.asarray(np.random.RandomState(5).uniform(0, 1, size=(40, 12)), dtype=f)
nv, nh = 12, 5
rng.randint(2 ** 30)
W = np.asarray(rng.uniform(low=-4 * np.sqrt(6. / (nh + nv)), high=4 * np.sqrt(6. / (nh + nv)), size=(nv, nh)), dtype=f)
b = np.zeros(nh, f); bp = np.zeros(nv, f)
sig = lambda a: f(1) / (f(1) + np.exp(-a))
lr = f(0.1)
for epoch in range(3):
    c = []
    for i in range(4):
        x = data[i * 10:(i + 1) * 10]
        y = sig(x.dot(W) + b)
        z = sig(y.dot(W.T) + bp)
        L = -np.sum(x * np.log(z) + (1 - x) * np.log(1 - z), axis=1)
        cost = np.mean(L)
        dz = (z - x) / f(10)
        dy = dz.dot(W) * y * (1 - y)
        gW = x.T.dot(dy) + dz.T.dot(y)
        W -= lr * gW; b -= lr * dy.sum(0); bp -= lr * dz.sum(0)
        assert cost.dtype == f and gW.dtype == f
        c.append(np.asarray(cost))
    print('Training epoch %d, cost ' % epoch, np.mean(c, dtype='float64'), np.mean(c))
print('%.7f %.7f %.7f' % (W.sum(), b.sum(), bp.sum()))
