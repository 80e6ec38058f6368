package tdl.lib.numpy;

import tdl.interp.MT19937;

/**
 * numpy's legacy binomial: inversion when n*min(p, 1-p) <= 30, else Kachitvichyanukul and
 * Schmeiser's BTPE. The per-(n, p) setup is cached exactly as numpy caches it, because the cache
 * does not change which numbers are drawn but recomputing it must give the same doubles.
 */
final class BinomialSampler {
    private boolean has;
    private long nsave;
    private double psave;
    // inversion setup
    private double invQ;
    private double invQn;
    private long invBound;
    // BTPE setup
    private double r;
    private double q;
    private double fm;
    private long m;
    private double p1;
    private double xm;
    private double xl;
    private double xr;
    private double c;
    private double laml;
    private double lamr;
    private double p2;
    private double p3;
    private double p4;

    void reset() {
        has = false;
    }

    long sample(MT19937 mt, long n, double p) {
        if (p <= 0.5) {
            return p * n <= 30.0 ? inversion(mt, n, p) : btpe(mt, n, p);
        }
        double qq = 1.0 - p;
        return qq * n <= 30.0 ? n - inversion(mt, n, qq) : n - btpe(mt, n, qq);
    }

    private boolean fresh(long n, double p) {
        if (has && nsave == n && psave == p) return false;
        has = true;
        nsave = n;
        psave = p;
        return true;
    }

    private long inversion(MT19937 mt, long n, double p) {
        if (fresh(n, p)) {
            invQ = 1.0 - p;
            invQn = Math.exp(n * Math.log(invQ));
            double np = n * p;
            invBound = (long) Math.min(n, np + 10.0 * Math.sqrt(np * invQ + 1));
        }
        long x = 0;
        double px = invQn;
        double u = mt.nextDouble();
        while (u > px) {
            x++;
            if (x > invBound) {
                x = 0;
                px = invQn;
                u = mt.nextDouble();
            } else {
                u -= px;
                px = ((n - x + 1) * p * px) / (x * invQ);
            }
        }
        return x;
    }

    private long btpe(MT19937 mt, long n, double p) {
        if (fresh(n, p)) {
            r = Math.min(p, 1.0 - p);
            q = 1.0 - r;
            fm = n * r + r;
            m = (long) Math.floor(fm);
            p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
            xm = m + 0.5;
            xl = xm - p1;
            xr = xm + p1;
            c = 0.134 + 20.5 / (15.3 + m);
            double a = (fm - xl) / (fm - xl * r);
            laml = a * (1.0 + a / 2.0);
            a = (xr - fm) / (xr * q);
            lamr = a * (1.0 + a / 2.0);
            p2 = p1 * (1.0 + 2.0 * c);
            p3 = p2 + c / laml;
            p4 = p3 + c / lamr;
        }
        while (true) {
            double nrq = n * r * q;
            double u = mt.nextDouble() * p4;
            double v = mt.nextDouble();
            long y;
            if (u <= p1) {
                y = (long) Math.floor(xm - p1 * v + u);
                return p > 0.5 ? n - y : y;
            }
            if (u <= p2) {
                double x = xl + (u - p1) / c;
                v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
                if (v > 1.0) continue;
                y = (long) Math.floor(x);
            } else if (u <= p3) {
                y = (long) Math.floor(xl + Math.log(v) / laml);
                if (y < 0 || v == 0.0) continue;
                v = v * (u - p2) * laml;
            } else {
                y = (long) Math.floor(xr - Math.log(v) / lamr);
                if (y > n || v == 0.0) continue;
                v = v * (u - p3) * lamr;
            }
            if (accept(n, y, v, nrq)) return p > 0.5 ? n - y : y;
        }
    }

    /** Steps 50-52 of BTPE: the explicit or the squeezed acceptance test. */
    private boolean accept(long n, long y, double v, double nrq) {
        long k = Math.abs(y - m);
        if (!(k > 20 && k < nrq / 2.0 - 1)) {
            double s = r / q;
            double a = s * (n + 1);
            double f = 1.0;
            if (m < y) {
                for (long i = m + 1; i <= y; i++) f *= a / i - s;
            } else if (m > y) {
                for (long i = y + 1; i <= m; i++) f /= a / i - s;
            }
            return v <= f;
        }
        double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        double t = -k * k / (2 * nrq);
        double bigA = Math.log(v);
        if (bigA < t - rho) return true;
        if (bigA > t + rho) return false;
        double x1 = y + 1;
        double f1 = m + 1;
        double z = n + 1 - m;
        double w = n - y + 1;
        double x2 = x1 * x1;
        double f2 = f1 * f1;
        double z2 = z * z;
        double w2 = w * w;
        double bound = xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w) + (y - m) * Math.log(w * r / (x1 * q))
                + stirling(f1, f2) + stirling(z, z2) + stirling(x1, x2) + stirling(w, w2);
        return bigA <= bound;
    }

    private static double stirling(double x, double x2) {
        return (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x / 166320.;
    }
}
