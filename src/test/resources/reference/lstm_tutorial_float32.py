# numpy 1.26 float32 port of scripts/scan/lstm_tutorial_float32.tdl (forward, hand-written BPTT, adadelta):
# the expected lines of that test. Run with numpy 1.26: python3 lstm_tutorial_float32.py
import numpy as np
f = np.float32
np.random.seed(123)
def ortho(n):
    W = np.random.randn(n, n); u, s_, v = np.linalg.svd(W); u = u * np.sign(u[0]); return u.astype(f)
P = {}
P['Wemb'] = (0.01 * np.random.rand(10, 4)).astype(f)
P['lstm_W'] = np.concatenate([ortho(4) for _ in range(4)], 1)
P['lstm_U'] = np.concatenate([ortho(4) for _ in range(4)], 1)
P['lstm_b'] = np.zeros(16).astype(f)
P['U'] = 0.01 * np.random.randn(4, 2).astype(f)
P['b'] = np.zeros(2).astype(f)
for k, v in P.items(): assert v.dtype == f, k
d = 4
sig = lambda z: f(1) / (f(1) + np.exp(-z))
seqs = [[1, 2, 3, 4, 5], [6, 7, 8], [9, 1, 3, 2]]; labels = np.array([1, 0, 1])
T_, N = 5, 3
x = np.zeros((T_, N), 'int64'); m = np.zeros((T_, N), f)
for i, s in enumerate(seqs): x[:len(s), i] = s; m[:len(s), i] = 1
def forward_backward(P):
    emb = P['Wemb'][x.flatten()].reshape(T_, N, d)
    sb = emb.dot(P['lstm_W']) + P['lstm_b']
    h = np.zeros((N, d), f); c = np.zeros((N, d), f)
    cache = []
    for t in range(T_):
        pre = h.dot(P['lstm_U']) + sb[t]
        i_, f_, o_ = sig(pre[:, :d]), sig(pre[:, d:2*d]), sig(pre[:, 2*d:3*d]); g = np.tanh(pre[:, 3*d:])
        mt = m[t][:, None]
        cn = f_ * c + i_ * g
        cn2 = mt * cn + (f(1) - mt) * c
        tc = np.tanh(cn2)
        hn = o_ * tc
        hn2 = mt * hn + (f(1) - mt) * h
        cache.append((h, c, i_, f_, o_, g, cn2, tc, mt))
        h, c = hn2, cn2
        if t == 0: H = [h]
        else: H.append(h)
    H = np.array(H)
    s = (H * m[:, :, None]).sum(0); den = m.sum(0)[:, None]
    proj = s / den
    a = proj.dot(P['U']) + P['b']
    e = np.exp(a - a.max(1, keepdims=True)); pr = e / e.sum(1, keepdims=True)
    pk = pr[np.arange(N), labels] + f(1e-8)
    cost = -np.log(pk).mean() + (P['U'] ** 2).sum() * f(0.01)
    # backward
    G = {k: np.zeros_like(v) for k, v in P.items()}
    dpk = -(f(1) / pk) / f(N)
    dpr = np.zeros_like(pr); dpr[np.arange(N), labels] = dpk
    da = pr * (dpr - (dpr * pr).sum(1, keepdims=True))
    G['U'] = proj.T.dot(da) + f(0.02) * P['U']; G['b'] = da.sum(0)
    dproj = da.dot(P['U'].T)
    dH = (dproj / den)[None] * m[:, :, None]
    dh = np.zeros((N, d), f); dc = np.zeros((N, d), f)
    dsb = np.zeros_like(sb)
    for t in reversed(range(T_)):
        hp, cp, i_, f_, o_, g, cn2, tc, mt = cache[t]
        dh = dh + dH[t]
        dhn = mt * dh; dhp = (f(1) - mt) * dh
        do = dhn * tc
        dcn2 = dc + dhn * o_ * (f(1) - tc * tc)
        dcn = mt * dcn2; dcp = (f(1) - mt) * dcn2
        df = dcn * cp; dcp = dcp + dcn * f_
        di = dcn * g; dg = dcn * i_
        dpre = np.concatenate([di * i_ * (1 - i_), df * f_ * (1 - f_), do * o_ * (1 - o_), dg * (1 - g * g)], 1).astype(f)
        G['lstm_U'] += hp.T.dot(dpre)
        dhp = dhp + dpre.dot(P['lstm_U'].T)
        dsb[t] = dpre
        dh, dc = dhp, dcp
    G['lstm_b'] = dsb.sum((0, 1))
    G['lstm_W'] = emb.reshape(-1, d).T.dot(dsb.reshape(-1, 4 * d))
    demb = dsb.reshape(-1, 4 * d).dot(P['lstm_W'].T)
    np.add.at(G['Wemb'], x.flatten(), demb)
    for k in G: assert G[k].dtype == f, (k, G[k].dtype)
    return cost, G, pr
zg = {k: np.zeros_like(v) for k, v in P.items()}; rg2 = dict((k, np.zeros_like(v)) for k, v in P.items()); ru2 = dict((k, np.zeros_like(v)) for k, v in P.items())
hist = []
for u in range(4):
    cost, G, _ = forward_backward(P)
    for k in P:
        zg[k] = G[k]; rg2[k] = f(0.95) * rg2[k] + f(0.05) * G[k] ** 2
    for k in P:
        ud = -np.sqrt(ru2[k] + f(1e-6)) / np.sqrt(rg2[k] + f(1e-6)) * zg[k]
        ru2[k] = f(0.95) * ru2[k] + f(0.05) * ud ** 2
        P[k] = P[k] + ud
    assert cost.dtype == f
    print('Epoch ', 0, 'Update ', u, 'Cost ', cost); hist.append(cost)
_, _, pr = forward_backward(P)
print(np.mean(hist)); print(pr)
for k, v in P.items(): print(k, '%.9f' % np.abs(v).sum(), v.dtype)
