package io.rustydb.sql.calcite;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * PostgreSQL 15's exponentiation: {@code numeric ^ numeric} as numeric.c's power_var and
 * power_var_int compute it, {@code double precision ^ double precision} as float.c's dpow, with
 * their errors. A numeric result has the scale PostgreSQL 15 gives it: for an integer exponent
 * max(16, scale of the base); otherwise 16 significant digits by PostgreSQL's own estimate of the
 * result's weight, and no fewer than either input's scale. Its digits are the exact power rounded
 * half away from zero to that scale (PostgreSQL computes them with guard digits to the same end).
 */
final class NumericPower {
    /** NUMERIC_MIN_SIG_DIGITS. */
    private static final int MIN_SIG_DIGITS = 16;
    /** NUMERIC_MAX_DISPLAY_SCALE. */
    private static final int MAX_DISPLAY_SCALE = 1000;
    /** NUMERIC_MAX_RESULT_SCALE. */
    private static final int MAX_RESULT_SCALE = 2000;
    /** Decimal digits in one of PostgreSQL's base-10000 digits. */
    private static final int DEC_DIGITS = 4;
    /** Decimal digits before the point that a numeric holds (NUMERIC_WEIGHT_MAX + 1 base-10000 digits). */
    private static final int MAX_INTEGER_DIGITS = 131072;
    /** Extra decimal digits carried through the computations before the final rounding. */
    private static final int GUARD = 10;
    private static final BigDecimal POINT_NINE = new BigDecimal("0.9");
    private static final BigDecimal ONE_POINT_ONE = new BigDecimal("1.1");
    private static final BigDecimal NEAR_ONE_LOW = new BigDecimal("0.99");
    private static final BigDecimal NEAR_ONE_HIGH = new BigDecimal("1.01");

    private NumericPower() {
    }

    /** {@code base ^ exponent} for numeric values (numeric_power). */
    static BigDecimal power(BigDecimal base, BigDecimal exponent) {
        if (base.signum() == 0 && exponent.signum() < 0) {
            throw powerError("zero raised to a negative power is undefined");
        }
        int baseScale = Math.max(base.scale(), 0);
        boolean integral = exponent.signum() == 0 || exponent.stripTrailingZeros().scale() <= 0;
        if (integral) {
            BigInteger e = exponent.toBigInteger();
            if (e.bitLength() <= 31) {
                return powerInt(base, e.intValue(), Math.min(Math.max(MIN_SIG_DIGITS, baseScale), MAX_DISPLAY_SCALE));
            }
        }
        if (base.signum() == 0) {
            return BigDecimal.ZERO.setScale(MIN_SIG_DIGITS);
        }
        boolean negate = false;
        if (base.signum() < 0) {
            if (!integral) {
                throw powerError("a negative number raised to a non-integer power yields a complex result");
            }
            negate = exponent.toBigInteger().testBit(0);
            base = base.negate();
        }
        // PostgreSQL's estimate of the result's weight: exp * ln(base) to about 8 significant digits
        int lnDweight = estimateLnDweight(base);
        int localScale = Math.max(8 - lnDweight, 0);
        BigDecimal lnBase = ln(base, localScale + GUARD).setScale(localScale, RoundingMode.HALF_UP);
        double val = lnBase.multiply(exponent).setScale(localScale, RoundingMode.HALF_UP).doubleValue();
        if (Math.abs(val) > MAX_RESULT_SCALE * 3.01) {
            if (val > 0) {
                throw overflow();
            }
            return BigDecimal.ZERO.setScale(MAX_DISPLAY_SCALE);
        }
        val *= 0.434294481903252;
        int rscale = MIN_SIG_DIGITS - (int) val;
        rscale = Math.max(rscale, baseScale);
        rscale = Math.max(rscale, Math.max(exponent.scale(), 0));
        rscale = Math.min(rscale, MAX_DISPLAY_SCALE);
        // e ^ (exp * ln(base)) to the significant digits the scale asks for, and guard digits
        int digits = Math.max(rscale + (int) val, 0) + 1 + GUARD;
        int expDigits = Math.max(exponent.precision() - exponent.scale(), 0);
        BigDecimal y = ln(base, digits + expDigits + GUARD).multiply(exponent).setScale(digits + GUARD, RoundingMode.HALF_EVEN);
        double estimate = y.doubleValue();
        if (Math.abs(estimate) >= MAX_RESULT_SCALE * 3) {
            if (estimate > 0) {
                throw overflow();
            }
            return BigDecimal.ZERO.setScale(rscale);
        }
        BigDecimal result = exp(y, digits).setScale(rscale, RoundingMode.HALF_UP);
        return negate ? result.negate() : result;
    }

    /** {@code base ^ exp} for an integer exponent, at scale {@code rscale} (power_var_int). */
    private static BigDecimal powerInt(BigDecimal base, int exp, int rscale) {
        switch (exp) {
            case 0:
                return BigDecimal.ONE.setScale(rscale);
            case 1:
                return base.setScale(rscale, RoundingMode.HALF_UP);
            case -1:
                return BigDecimal.ONE.divide(base, rscale, RoundingMode.HALF_UP);
            case 2:
                return base.multiply(base).setScale(rscale, RoundingMode.HALF_UP);
            default:
                break;
        }
        if (base.signum() == 0) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        double f = exp * log10Estimate(base.abs());
        if (f > 3 * Short.MAX_VALUE * DEC_DIGITS || f > MAX_INTEGER_DIGITS + 1) {
            throw overflow();
        }
        if (f + 1 < -rscale || f + 1 < -MAX_DISPLAY_SCALE) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        long magnitude = Math.abs((long) exp);
        MathContext mc = new MathContext(1 + rscale + (int) f + GUARD + Long.toString(magnitude).length());
        BigDecimal power = powerBySquaring(base.abs(), magnitude, mc);
        if (exp < 0) {
            power = BigDecimal.ONE.divide(power, mc);
        }
        if (base.signum() < 0 && (magnitude & 1) == 1) {
            power = power.negate();
        }
        BigDecimal result = power.setScale(rscale, RoundingMode.HALF_UP);
        if (result.precision() - result.scale() > MAX_INTEGER_DIGITS) {
            throw overflow();
        }
        return result;
    }

    private static BigDecimal powerBySquaring(BigDecimal base, long exp, MathContext mc) {
        BigDecimal result = BigDecimal.ONE;
        BigDecimal square = base;
        for (long e = exp; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result = result.multiply(square, mc);
            }
            if (e > 1) {
                square = square.multiply(square, mc);
            }
        }
        return result;
    }

    /** {@code x ^ y} for double precision values (dpow). */
    static double power(double x, double y) {
        if (Double.isNaN(x)) {
            return Double.isNaN(y) || y != 0.0 ? Double.NaN : 1.0;
        }
        if (Double.isNaN(y)) {
            return x != 1.0 ? Double.NaN : 1.0;
        }
        if (x == 0 && y < 0) {
            throw powerError("zero raised to a negative power is undefined");
        }
        if (x < 0 && Math.floor(y) != y) {
            throw powerError("a negative number raised to a non-integer power yields a complex result");
        }
        if (Double.isInfinite(y)) {
            double absx = Math.abs(x);
            if (absx == 1.0) {
                return 1.0;
            }
            return y > 0 ? (absx > 1.0 ? y : 0.0) : (absx > 1.0 ? 0.0 : -y);
        }
        if (Double.isInfinite(x)) {
            if (y == 0.0) {
                return 1.0;
            }
            if (x > 0) {
                return y > 0 ? x : 0.0;
            }
            double half = y / 2;
            boolean odd = Math.floor(half) != half;
            return y > 0 ? (odd ? x : -x) : (odd ? -0.0 : 0.0);
        }
        double result = x == 0 || Math.abs(x) == 1 || y == 0 ? StrictMath.pow(x, y) : correctlyRounded(x, y);
        if (Double.isInfinite(result)) {
            throw new RustyDbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        if (result == 0.0 && x != 0.0) {
            throw new RustyDbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        }
        return result;
    }

    /**
     * x^y for finite x != 0 and y, rounded once to the nearest double (C's pow, which PostgreSQL
     * calls, is that accurate; Java's may be off by an ulp): computed to 40 significant digits.
     */
    private static double correctlyRounded(double x, double y) {
        BigDecimal base = new BigDecimal(Math.abs(x));
        BigDecimal exponent = new BigDecimal(y);
        BigDecimal magnitude;
        double estimate = y * Math.log10(Math.abs(x));
        if (estimate > 400) {
            return x > 0 || Math.floor(y / 2) == y / 2 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        if (estimate < -400) {
            return 0.0;
        }
        if (Math.abs(y) <= 1024 && y == Math.rint(y)) {
            MathContext mc = new MathContext(60);
            magnitude = powerBySquaring(base, (long) Math.abs(y), mc);
            if (y < 0) {
                magnitude = BigDecimal.ONE.divide(magnitude, mc);
            }
        } else {
            int digits = 40;
            int expDigits = Math.max(exponent.precision() - exponent.scale(), 0);
            BigDecimal lnx = ln(base, digits + expDigits + GUARD);
            magnitude = exp(lnx.multiply(exponent).setScale(digits + GUARD, RoundingMode.HALF_EVEN), digits);
        }
        double result = magnitude.doubleValue();
        // a negative base has an integer exponent here; odd exponents keep the sign
        return x < 0 && Math.floor(y / 2) != y / 2 ? -result : result;
    }

    /** PostgreSQL's estimate of the decimal weight of ln(v), v > 0 (estimate_ln_dweight). */
    private static int estimateLnDweight(BigDecimal v) {
        if (v.compareTo(POINT_NINE) >= 0 && v.compareTo(ONE_POINT_ONE) <= 0) {
            BigDecimal x = v.subtract(BigDecimal.ONE);
            // ln(1 + x) ~ x: the weight of x's leading decimal digit
            return x.signum() == 0 ? 0 : x.precision() - x.scale() - 1;
        }
        BaseTenThousand b = BaseTenThousand.of(v);
        int digits = b.digit(0);
        int dweight = b.weight * DEC_DIGITS;
        if (b.digits.length > 1) {
            digits = digits * 10000 + b.digit(1);
            dweight -= DEC_DIGITS;
        }
        double lnVar = Math.log(digits) + dweight * 2.302585092994046;
        return (int) Math.log10(Math.abs(lnVar));
    }

    /** log10(v), v > 0, from v's first four base-10000 digits, as power_var_int estimates it. */
    private static double log10Estimate(BigDecimal v) {
        BaseTenThousand b = BaseTenThousand.of(v);
        double f = b.digit(0);
        int p = b.weight * DEC_DIGITS;
        for (int i = 1; i < b.digits.length && i * DEC_DIGITS < 16; i++) {
            f = f * 10000 + b.digit(i);
            p -= DEC_DIGITS;
        }
        return Math.log10(f) + p;
    }

    /** ln(x) for x > 0, within 10^-scale. */
    static BigDecimal ln(BigDecimal x, int scale) {
        int k = x.precision() - x.scale() - 1;
        BigDecimal mantissa = x.movePointLeft(k);
        int kDigits = Integer.toString(Math.abs(k)).length();
        BigDecimal result = lnNearOne(mantissa, scale + GUARD);
        if (k != 0) {
            result = result.add(lnNearOne(BigDecimal.TEN, scale + GUARD + kDigits).multiply(BigDecimal.valueOf(k)));
        }
        return result.setScale(scale, RoundingMode.HALF_EVEN);
    }

    /** ln(m) for 0.1 < m <= 10, within about 10^-scale. */
    private static BigDecimal lnNearOne(BigDecimal m, int scale) {
        MathContext mc = new MathContext(scale + GUARD);
        BigDecimal t = m;
        int halvings = 0;
        while (t.compareTo(NEAR_ONE_HIGH) > 0 || t.compareTo(NEAR_ONE_LOW) < 0) {
            t = t.sqrt(mc);
            halvings++;
        }
        // ln t = 2 atanh(z) = 2 (z + z^3/3 + z^5/5 + ...), z = (t - 1) / (t + 1)
        BigDecimal z = t.subtract(BigDecimal.ONE).divide(t.add(BigDecimal.ONE), mc);
        BigDecimal z2 = z.multiply(z, mc);
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(scale + GUARD);
        BigDecimal term = z;
        BigDecimal sum = z;
        for (int n = 3; term.signum() != 0; n += 2) {
            term = term.multiply(z2, mc);
            BigDecimal next = term.divide(BigDecimal.valueOf(n), mc);
            if (next.abs().compareTo(epsilon) < 0) {
                break;
            }
            sum = sum.add(next, mc);
        }
        return sum.multiply(BigDecimal.valueOf(2).pow(halvings + 1));
    }

    /** e^y to {@code digits} significant digits (and a few more). */
    static BigDecimal exp(BigDecimal y, int digits) {
        int halvings = 0;
        double magnitude = Math.abs(y.doubleValue());
        while (magnitude > 0.01) {
            magnitude /= 2;
            halvings++;
        }
        MathContext mc = new MathContext(digits + GUARD + halvings);
        // y / 2^h exactly: y * 5^h / 10^h
        BigDecimal r = y.multiply(BigDecimal.valueOf(5).pow(halvings)).movePointLeft(halvings).round(mc);
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 1);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; ; n++) {
            term = term.multiply(r, mc).divide(BigDecimal.valueOf(n), mc);
            if (term.abs().compareTo(epsilon) < 0) {
                break;
            }
            sum = sum.add(term, mc);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, mc);
        }
        return sum;
    }

    private static RustyDbException powerError(String message) {
        return new RustyDbException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION, message);
    }

    private static RustyDbException overflow() {
        return new RustyDbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
    }

    /**
     * A positive value as PostgreSQL stores it: base-10000 digits, the first one non-zero, no
     * trailing zero digits, the first worth 10000^weight.
     */
    private static final class BaseTenThousand {
        final int weight;
        final int[] digits;

        private BaseTenThousand(int weight, int[] digits) {
            this.weight = weight;
            this.digits = digits;
        }

        static BaseTenThousand of(BigDecimal v) {
            BigDecimal stripped = v.stripTrailingZeros();
            int fractionGroups = stripped.scale() > 0 ? (stripped.scale() + DEC_DIGITS - 1) / DEC_DIGITS : 0;
            String text = stripped.movePointRight(fractionGroups * DEC_DIGITS).toBigIntegerExact().toString();
            int pad = (DEC_DIGITS - text.length() % DEC_DIGITS) % DEC_DIGITS;
            text = "0".repeat(pad) + text;
            int groups = text.length() / DEC_DIGITS;
            int used = groups;
            while (used > 1 && Integer.parseInt(text, (used - 1) * DEC_DIGITS, used * DEC_DIGITS, 10) == 0) {
                used--;
            }
            int[] digits = new int[Math.min(used, 4)];
            for (int i = 0; i < digits.length; i++) {
                digits[i] = Integer.parseInt(text, i * DEC_DIGITS, (i + 1) * DEC_DIGITS, 10);
            }
            return new BaseTenThousand(groups - 1 - fractionGroups, digits);
        }

        int digit(int i) {
            return digits[i];
        }
    }
}
