# a Theano script's helper module as it is: imported by import_py_module.tdl (a .py file beside the script)
import numpy as np

def one_hot(x, n):
    if type(x) == list:
        x = np.array(x)
    x = x.flatten()
    o_h = np.zeros((len(x), n))
    o_h[np.arange(len(x)), x] = 1
    return o_h
