# numpy reference for ConvChunkTest: Theano conv2d (filter_flip=True) and its two gradients, by
# explicit sums over a zero-padded input; inputs from closed formulas the Java test reproduces.
import numpy as np

def data(shape, a, b, f):
    n = int(np.prod(shape))
    return f(a * np.arange(n) + b).reshape(shape)

def geometry(xs, ws, border, stride, dil):
    kh, kw = ws[2], ws[3]
    span = ((kh - 1) * dil[0] + 1, (kw - 1) * dil[1] + 1)
    if border == 'full': pad = (span[0] - 1, span[1] - 1)
    elif border == 'half': pad = (span[0] // 2, span[1] // 2)
    elif border == 'valid': pad = (0, 0)
    else: pad = border
    oh = (xs[2] + 2 * pad[0] - span[0]) // stride[0] + 1
    ow = (xs[3] + 2 * pad[1] - span[1]) // stride[1] + 1
    return pad, oh, ow

def windows(xp, kh, kw, oh, ow, stride, dil):
    # win[b, c, u, v, i, j] = xp[b, c, i*sh + u*dh, j*sw + v*dw]
    B, C = xp.shape[:2]
    win = np.zeros((B, C, kh, kw, oh, ow))
    for u in range(kh):
        for v in range(kw):
            r0, c0 = u * dil[0], v * dil[1]
            win[:, :, u, v] = xp[:, :, r0:r0 + (oh - 1) * stride[0] + 1:stride[0], c0:c0 + (ow - 1) * stride[1] + 1:stride[1]]
    return win

def case(B, C, H, W, F, kh, kw, border, stride, dil):
    xs, ws = (B, C, H, W), (F, C, kh, kw)
    x = data(xs, 0.37, 0.1, np.sin)
    w = data(ws, 0.23, 0.0, np.cos)
    pad, oh, ow = geometry(xs, ws, border, stride, dil)
    xp = np.pad(x, ((0, 0), (0, 0), (pad[0], pad[0]), (pad[1], pad[1])))
    wflip = w[:, :, ::-1, ::-1]
    win = windows(xp, kh, kw, oh, ow, stride, dil)
    out = np.einsum('bcuvij,fcuv->bfij', win, wflip)
    g = data(out.shape, 0.19, 0.3, np.sin)
    dw = np.einsum('bcuvij,bfij->fcuv', win, g)[:, :, ::-1, ::-1]
    dwin = np.einsum('bfij,fcuv->bcuvij', g, wflip)
    dxp = np.zeros_like(xp)
    for u in range(kh):
        for v in range(kw):
            r0, c0 = u * dil[0], v * dil[1]
            dxp[:, :, r0:r0 + (oh - 1) * stride[0] + 1:stride[0], c0:c0 + (ow - 1) * stride[1] + 1:stride[1]] += dwin[:, :, u, v]
    dx = dxp[:, :, pad[0]:pad[0] + H, pad[1]:pad[1] + W]
    def check(a):  # a weighted sum that sees every element and its position
        return float(np.sum(a * data(a.shape, 0.11, 0.0, np.cos)))
    return out.shape, check(out), check(dx), check(dw)

configs = [
    ("valid", (1, 1), (1, 1)), ("full", (1, 1), (1, 1)), ("half", (1, 1), (1, 1)), ((1, 2), (1, 1), (1, 1)),
    ("valid", (2, 1), (1, 1)), ("full", (2, 2), (1, 1)), ("half", (1, 2), (2, 1)), ("valid", (1, 1), (2, 2)),
]
for B in (1, 3, 7, 13):
    for (border, stride, dil) in configs:
        for (C, H, W, F, kh, kw) in ((2, 6, 5, 3, 3, 2), (3, 12, 12, 8, 3, 3), (3, 10, 9, 16, 3, 3)):
            shape, o, dx, dw = case(B, C, H, W, F, kh, kw, border, stride, dil)
            b = border if isinstance(border, str) else "%d,%d" % border
            print('            {%d, %d, %d, %d, %d, %d, %d, "%s", %d, %d, %d, %d, %r, %r, %r},' % (
                B, C, H, W, F, kh, kw, b, stride[0], stride[1], dil[0], dil[1], o, dx, dw))
