# Writes the pickle fixtures of pickle_load.tdl (python3 with numpy 1.26.4): three protocols of a
# tutorial-style (train, valid, test) tuple, a Python 2 cPickle of two arrays built byte for byte
# (real numpy loads it with encoding='latin1'), and a file of two pickles with plain values.
import numpy as np, pickle, gzip, struct, io
rs = np.random.RandomState(0)
X = (rs.rand(4, 3) * 10).astype(np.float32)
y = np.array([3, 1, 4, 1], dtype=np.int64)
data = ((X, y), (X[:2] * 2, y[:2]), (X[2:], y[2:]))
for proto in (2, 4, 5):
    with gzip.open('pk_p%d.pkl.gz' % proto, 'wb') as f:
        pickle.dump(data, f, protocol=proto)
# extras: dict, list, ints, strings, floats, bools, None, a numpy scalar, Fortran array, big int
extra = {'name': 'w', 'sizes': [784, 500, 10], 'lr': 0.1, 'on': True, 'none': None,
         'big': 2**70, 'neg': -5, 'fortran': np.asfortranarray(np.arange(6.0).reshape(2, 3)),
         'scalar': np.float32(1.5), 'u8': np.arange(5, dtype=np.uint8), 'tup': (1, 'a')}
with open('pk_extra.pkl', 'wb') as f:
    pickle.dump(extra, f, protocol=2)
    pickle.dump([1, 2, 3], f, protocol=4)
# a Python 2 cPickle of a numpy array, byte for byte as cPickle.dump(a, f, 2) writes it
def sbs(b): return b'U' + bytes([len(b)]) + b
def bs(b): return b'T' + struct.pack('<i', len(b)) + b
def arr(a, memo):
    raw = a.tobytes()
    descr = a.dtype.str[1:].encode()
    out = b'cnumpy.core.multiarray\n_reconstruct\nq' + bytes([memo]) + b'cnumpy\nndarray\nq' + bytes([memo+1])
    out += b'K\x00\x85q' + bytes([memo+2]) + sbs(b'b') + b'q' + bytes([memo+3]) + b'\x87q' + bytes([memo+4]) + b'Rq' + bytes([memo+5])
    shape = b''.join(b'K' + bytes([d]) for d in a.shape)
    tup = {1: b'\x85', 2: b'\x86'}[len(a.shape)]
    out += b'(K\x01' + shape + tup + b'q' + bytes([memo+6])
    out += b'cnumpy\ndtype\nq' + bytes([memo+7]) + sbs(descr) + b'K\x00K\x01\x87q' + bytes([memo+8]) + b'Rq' + bytes([memo+9])
    out += b'(K\x03' + sbs(b'<') + b'NNNJ\xff\xff\xff\xffJ\xff\xff\xff\xffK\x00tq' + bytes([memo+10]) + b'b'
    out += b'\x89' + (sbs(raw) if len(raw) < 256 else bs(raw)) + b'q' + bytes([memo+11]) + b'tq' + bytes([memo+12]) + b'b'
    return out
py2 = b'\x80\x02' + b'(' + arr(X, 0) + arr(y, 20) + b'tq\x28' + b'.'
with gzip.open('pk_py2.pkl.gz', 'wb') as f:
    f.write(py2)
