# numpy 1.26 float32 port: the expected lines of scripts/tensor/mlp_tutorial_float32.tdl
import numpy as np
f32 = np.float32
r = np.random.RandomState(7)
X = r.uniform(0, 1, size=(60, 20)); y = r.randint(0, 5, size=60)
Xt = X[:40].astype(f32); yt = y[:40].astype(f32).astype('int32')
Xv = X[40:50].astype(f32); yv = y[40:50].astype(f32).astype('int32')
rng = np.random.RandomState(1234)
n_in, nh, no = 20, 8, 5
lim = np.sqrt(6. / (n_in + nh))
W1 = np.asarray(rng.uniform(-lim, lim, size=(n_in, nh)), dtype=f32); b1 = np.zeros(nh, f32)
W2 = np.zeros((nh, no), f32); b2 = np.zeros(no, f32)
lr, L1, L2 = 0.1, 0.001, 0.0001
def fwd(x):
    h = np.tanh(x.dot(W1) + b1)
    a = h.dot(W2) + b2
    e = np.exp(a - a.max(1, keepdims=True)); p = e / e.sum(1, keepdims=True)
    return h, p
for epoch in range(3):
    for i in range(4):
        x = Xt[i*10:(i+1)*10]; t = yt[i*10:(i+1)*10]
        h, p = fwd(x)
        n = x.shape[0]
        nll = -np.mean(np.log(p)[np.arange(n), t])
        cost = nll + f32(L1) * (np.abs(W1).sum() + np.abs(W2).sum()) + f32(L2) * ((W1**2).sum() + (W2**2).sum())
        assert cost.dtype == f32, cost.dtype
        d = p.copy(); d[np.arange(n), t] -= 1; d /= f32(n)
        gW2 = h.T.dot(d) + f32(L1) * np.sign(W2) + f32(L2) * 2 * W2
        gb2 = d.sum(0)
        dh = d.dot(W2.T) * (1 - h * h)
        gW1 = x.T.dot(dh) + f32(L1) * np.sign(W1) + f32(L2) * 2 * W1
        gb1 = dh.sum(0)
        for g in (gW1, gb1, gW2, gb2): assert g.dtype == f32
        W1 -= f32(lr) * gW1; b1 -= f32(lr) * gb1; W2 -= f32(lr) * gW2; b2 -= f32(lr) * gb2
        print('%d %d %.12f' % (epoch, i, cost))
    h, p = fwd(Xv)
    print('valid %f' % np.mean(p.argmax(1) != yv))
for nm, v in (('W', W1), ('b', b1), ('W', W2), ('b', b2)):
    print(nm, '%.12f' % v.sum())
