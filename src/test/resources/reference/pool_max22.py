# numpy reference for PoolFastPathTest: 2x2 max pooling, stride 2, ignore_border=True, and Theano's
# MaxPoolGrad (every element equal to its window's max gets the window's gradient), on inputs with
# many ties; inputs from closed formulas the Java test reproduces.
import numpy as np

def data(shape, a, b, f):
    n = int(np.prod(shape))
    return f(a * np.arange(n) + b).reshape(shape)

def check(a):
    return float(np.sum(a * data(a.shape, 0.11, 0.0, np.cos)))

for shape in ((4, 8, 33, 34), (4, 8, 34, 35), (1, 1, 3, 3)):
    B, C, H, W = shape
    x = np.floor(4 * (data(shape, 0.37, 0.1, np.sin) + 1))  # integers 0..7: ties in most windows
    oh, ow = H // 2, W // 2
    z = np.zeros((B, C, oh, ow))
    for i in range(oh):
        for j in range(ow):
            z[:, :, i, j] = x[:, :, 2 * i:2 * i + 2, 2 * j:2 * j + 2].max(axis=(2, 3))
    g = data(z.shape, 0.19, 0.3, np.sin)
    gx = np.zeros_like(x)
    for i in range(oh):
        for j in range(ow):
            win = x[:, :, 2 * i:2 * i + 2, 2 * j:2 * j + 2]
            gx[:, :, 2 * i:2 * i + 2, 2 * j:2 * j + 2] += (win == z[:, :, i:i + 1, j:j + 1]) * g[:, :, i:i + 1, j:j + 1]
    print(shape, repr(check(z)), repr(check(gx)), int((gx != 0).sum()))
