//! Exact discrete distributions of counts, for the forecast of "will we make it?"
//! (`tracking::forecast`) and the confidence of a plan (`whatif::confidence`). No sampling:
//! the same inputs give the same numbers.
//!
//! A distribution is stored as P(X = k) for k = `first`, `first` + 1, …, built outward from
//! (near) its mode in log space from the ratio of neighbouring terms, so no factorial or power
//! is ever formed and nothing overflows, even for counts of millions:
//!
//! ```text
//! binomial Bin(n, p):          P(k) = C(n, k) · p^k · (1 − p)^(n − k)
//!                              ln P(k+1) − ln P(k) = ln((n − k) ÷ (k + 1)) + ln(p ÷ (1 − p))
//! negative binomial NB(α, q):  P(y) = C(y + α − 1, y) · q^α · (1 − q)^y
//!                              ln P(y+1) − ln P(y) = ln((y + α) ÷ (y + 1)) + ln(1 − q)
//! beta-binomial BB(n, a, b):   P(k) = C(n, k) · B(k + a, n − k + b) ÷ B(a, b)
//!                              ln P(k+1) − ln P(k) = ln((n − k)(k + a) ÷ ((k + 1)(n − k − 1 + b)))
//! ```
//!
//! Starting from ln P(mode) = 0, every stored term is at most 1; dividing by their sum gives the
//! probabilities. Terms below e⁻⁵⁰ of the largest are left out (under 10⁻¹⁴ of probability in
//! all), which keeps the work proportional to the spread rather than to the count.

/// Terms smaller than e⁻⁵⁰ (2·10⁻²²) times the largest are left out.
const NEGLIGIBLE_LOG: f64 = -50.0;

/// At most this many terms are kept on each side of the mode: far beyond any forecast of a
/// plan (a spread of a million leads), and a bound on the memory a hostile file can ask for.
const MAX_TERMS: u64 = 4_000_000;

/// P(X = k) for k = `first`, `first` + 1, …; terms beyond the stored ones are negligible.
#[derive(Clone, Debug, PartialEq)]
pub struct Discrete {
    first: u64,
    probabilities: Vec<f64>,
}

impl Discrete {
    /// X = `value` for certain.
    pub fn point(value: u64) -> Self {
        Self {
            first: value,
            probabilities: vec![1.0],
        }
    }

    /// The binomial Bin(n, p): the customers won from `n` leads that each convert at `p`,
    /// independently. p ≤ 0 (or NaN) is 0 for certain, p ≥ 1 is `n` for certain.
    pub fn binomial(n: u64, p: f64) -> Self {
        if n == 0 || !positive(p) {
            return Self::point(0);
        }
        if p >= 1.0 {
            return Self::point(n);
        }
        let mode = whole(((n + 1) as f64 * p).floor()).min(n);
        let log_odds = (p / (1.0 - p)).ln();
        Self::outward(mode, Some(n), |k| {
            ((n - k) as f64 / (k + 1) as f64).ln() + log_odds
        })
    }

    /// The negative binomial NB(α, q): the count of a Poisson process whose rate is
    /// Gamma(α, β)-distributed, over an exposure *r* with q = β ÷ (β + r). Mean α(1 − q) ÷ q.
    /// α = 0 or q = 1 (no exposure left) is 0 for certain; q ≤ 0 has no distribution and is
    /// treated as q = the smallest positive number (a caller never passes it).
    pub fn negative_binomial(alpha: f64, q: f64) -> Self {
        if !positive(alpha) || q.is_nan() || q >= 1.0 {
            return Self::point(0);
        }
        let q = q.max(f64::MIN_POSITIVE);
        let log_miss = (1.0 - q).ln();
        // The mode is ⌊(α − 1)(1 − q) ÷ q⌋ for α > 1, else 0.
        let mode = whole(((alpha - 1.0) * (1.0 - q) / q).floor());
        Self::outward(mode, None, |y| {
            ((y as f64 + alpha) / (y as f64 + 1.0)).ln() + log_miss
        })
    }

    /// The beta-binomial BB(n, a, b): successes among `n` trials whose common success rate is
    /// Beta(a, b)-distributed. a = 0 is 0 for certain, b = 0 is `n` for certain.
    pub fn beta_binomial(n: u64, a: f64, b: f64) -> Self {
        if n == 0 || !positive(a) {
            return Self::point(0);
        }
        if !positive(b) {
            return Self::point(n);
        }
        let mode = whole((n as f64 * a / (a + b)).round()).min(n);
        Self::outward(mode, Some(n), |k| {
            let (k, n) = (k as f64, n as f64);
            ((n - k) * (k + a) / ((k + 1.0) * (n - k - 1.0 + b))).ln()
        })
    }

    /// The poisson distribution with mean `mean` (≥ 0): the limit of NB(α, q) for α → ∞ at a
    /// fixed mean.
    pub fn poisson(mean: f64) -> Self {
        if !positive(mean) {
            return Self::point(0);
        }
        let log_mean = mean.ln();
        Self::outward(whole(mean.floor()), None, |k| {
            log_mean - (k as f64 + 1.0).ln()
        })
    }

    /// A unimodal distribution from `start` (near its mode) and `log_ratio(k)` = ln P(k+1) −
    /// ln P(k), up to `last` if it has one: terms are added on both sides while they are not
    /// negligible against the largest one seen.
    fn outward(start: u64, last: Option<u64>, log_ratio: impl Fn(u64) -> f64) -> Self {
        let last = last.unwrap_or(u64::MAX);
        let mut largest = 0.0_f64;
        let mut above = Vec::new();
        let mut log = 0.0;
        let mut k = start;
        while k < last && (k - start) < MAX_TERMS {
            log += log_ratio(k);
            if !log.is_finite() || log < largest + NEGLIGIBLE_LOG {
                break;
            }
            largest = largest.max(log);
            above.push(log);
            k += 1;
        }
        let mut below = Vec::new();
        log = 0.0;
        k = start;
        while k > 0 && (start - k) < MAX_TERMS {
            log -= log_ratio(k - 1);
            if !log.is_finite() || log < largest + NEGLIGIBLE_LOG {
                break;
            }
            largest = largest.max(log);
            below.push(log);
            k -= 1;
        }
        let first = start - below.len() as u64;
        let mut logs: Vec<f64> = below.into_iter().rev().collect();
        logs.push(0.0);
        logs.extend(above);
        let mut probabilities: Vec<f64> = logs.iter().map(|l| (l - largest).exp()).collect();
        let total: f64 = probabilities.iter().sum();
        for p in &mut probabilities {
            *p /= total;
        }
        Self {
            first,
            probabilities,
        }
        .trimmed()
    }

    /// P(X = k).
    pub fn probability(&self, k: u64) -> f64 {
        k.checked_sub(self.first)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| self.probabilities.get(i))
            .copied()
            .unwrap_or(0.0)
    }

    /// P(X ≥ k), summed over the smaller side so a tail near 0 keeps its precision.
    pub fn at_least(&self, k: u64) -> f64 {
        let Some(skip) = k.checked_sub(self.first) else {
            return 1.0;
        };
        let skip = usize::try_from(skip).unwrap_or(usize::MAX);
        if skip >= self.probabilities.len() {
            return 0.0;
        }
        let (below, above) = self.probabilities.split_at(skip);
        if skip * 2 < self.probabilities.len() {
            (1.0 - below.iter().sum::<f64>()).clamp(0.0, 1.0)
        } else {
            above.iter().sum::<f64>().clamp(0.0, 1.0)
        }
    }

    /// The smallest k with P(X ≤ k) ≥ `p` (`p` a fraction, 0.5 = the median).
    pub fn percentile(&self, p: f64) -> u64 {
        let mut cumulative = 0.0;
        for (i, probability) in self.probabilities.iter().enumerate() {
            cumulative += probability;
            if cumulative >= p {
                return self.first + i as u64;
            }
        }
        self.last()
    }

    /// The largest value stored.
    pub fn last(&self) -> u64 {
        self.first + self.probabilities.len().saturating_sub(1) as u64
    }

    /// The mean, Σ k·P(X = k).
    pub fn mean(&self) -> f64 {
        self.probabilities
            .iter()
            .enumerate()
            .map(|(i, p)| (self.first + i as u64) as f64 * p)
            .sum()
    }

    /// The distribution of X + Y for independent X and Y: P(X + Y = k) = Σᵢ P(X = i)·P(Y = k − i).
    pub fn plus(&self, other: &Self) -> Self {
        let mut probabilities =
            vec![0.0; self.probabilities.len() + other.probabilities.len().saturating_sub(1)];
        for (i, x) in self.probabilities.iter().enumerate() {
            for (j, y) in other.probabilities.iter().enumerate() {
                if let Some(slot) = probabilities.get_mut(i + j) {
                    *slot += x * y;
                }
            }
        }
        Self {
            first: self.first + other.first,
            probabilities,
        }
        .trimmed()
    }

    /// Without the negligible terms at both ends, so repeated sums stay as small as the spread.
    fn trimmed(mut self) -> Self {
        let largest = self.probabilities.iter().copied().fold(0.0, f64::max);
        let floor = largest * NEGLIGIBLE_LOG.exp();
        let start = self
            .probabilities
            .iter()
            .position(|p| *p >= floor)
            .unwrap_or(0);
        let end = self
            .probabilities
            .iter()
            .rposition(|p| *p >= floor)
            .map_or(self.probabilities.len(), |i| i + 1);
        self.probabilities.truncate(end);
        self.probabilities.drain(..start.min(end));
        self.first += start as u64;
        self
    }
}

/// Whether `x` is a finite number above 0 (NaN is not).
pub(crate) fn positive(x: f64) -> bool {
    x.is_finite() && x > 0.0
}

/// A non-negative whole number from a float (0 for NaN and negatives, saturating).
pub(crate) fn whole(value: f64) -> u64 {
    if value.is_finite() && value > 0.0 {
        value.min(u64::MAX as f64) as u64
    } else if value == f64::INFINITY {
        u64::MAX
    } else {
        0
    }
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7, nine coefficients: relative error below 10⁻¹⁴), for the
/// tests' independent evaluation of single probabilities.
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const COEFFICIENTS: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x)Γ(1 − x) = π ÷ sin(πx).
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = COEFFICIENTS[0];
    for (i, c) in COEFFICIENTS.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// P(Y = y) of NB(α, q) straight from the formula, through ln Γ.
    fn nb_direct(alpha: f64, q: f64, y: u64) -> f64 {
        let y = y as f64;
        (ln_gamma(y + alpha) - ln_gamma(alpha) - ln_gamma(y + 1.0)
            + alpha * q.ln()
            + y * (1.0 - q).ln())
        .exp()
    }

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn ln_gamma_matches_factorials() {
        let mut factorial = 1.0_f64;
        for n in 1..30_u32 {
            assert!(
                close(ln_gamma(f64::from(n)), factorial.ln(), 1e-10),
                "n = {n}"
            );
            factorial *= f64::from(n);
        }
        assert!(close(
            ln_gamma(0.5),
            std::f64::consts::PI.sqrt().ln(),
            1e-12
        ));
    }

    #[test]
    fn negative_binomial_matches_the_formula_and_direct_summation() {
        for &(alpha, q) in &[
            (0.3, 0.4),
            (1.0, 0.5),
            (4.5, 0.2),
            (20.0, 0.8),
            (200.0, 0.5),
        ] {
            let nb = Discrete::negative_binomial(alpha, q);
            for y in 0..60 {
                assert!(
                    close(nb.probability(y), nb_direct(alpha, q, y), 1e-12),
                    "α {alpha} q {q} y {y}"
                );
            }
            // The tail by direct summation of the formula, far past where terms matter.
            for k in [0_u64, 1, 3, 10, 40] {
                let below: f64 = (0..k).map(|y| nb_direct(alpha, q, y)).sum();
                assert!(close(nb.at_least(k), 1.0 - below, 1e-12), "α {alpha} k {k}");
            }
            let mean = alpha * (1.0 - q) / q;
            assert!(close(nb.mean(), mean, 1e-9 * mean.max(1.0)));
        }
    }

    #[test]
    fn geometric_special_case() {
        // NB(1, q) is geometric: P(Y ≥ k) = (1 − q)^k.
        let nb = Discrete::negative_binomial(1.0, 0.25);
        for k in 0..50 {
            assert!(close(nb.at_least(k), 0.75_f64.powi(k as i32), 1e-13));
        }
    }

    #[test]
    fn huge_counts_do_not_overflow() {
        let nb = Discrete::negative_binomial(2.0e6, 0.5);
        let mean = nb.mean();
        assert!(close(mean, 2.0e6, 1.0), "{mean}");
        let median = nb.percentile(0.5);
        assert!(median.abs_diff(2_000_000) < 10, "{median}");
        assert!(nb.at_least(0) == 1.0 && nb.at_least(10_000_000) == 0.0);
        assert!(close(nb.at_least(2_000_000), 0.5, 0.01));
    }

    #[test]
    fn degenerate_cases_are_certain() {
        assert_eq!(Discrete::negative_binomial(0.0, 0.5), Discrete::point(0));
        assert_eq!(Discrete::negative_binomial(3.0, 1.0), Discrete::point(0));
        assert_eq!(Discrete::beta_binomial(10, 0.0, 1.0), Discrete::point(0));
        assert_eq!(Discrete::beta_binomial(10, 1.0, 0.0), Discrete::point(10));
        assert_eq!(Discrete::poisson(0.0), Discrete::point(0));
    }

    #[test]
    fn a_binomial_sums_to_one_and_has_its_mean() {
        for (n, p) in [(1, 0.5), (20, 0.05), (480, 0.05), (1_000_000, 0.05)] {
            let d = Discrete::binomial(n, p);
            let total: f64 = d.probabilities.iter().sum();
            assert!((total - 1.0).abs() < 1e-12, "{n} {p}: {total}");
            let mean = n as f64 * p;
            assert!(close(d.mean(), mean, 1e-9 * mean.max(1.0)), "{n} {p}");
        }
        assert_eq!(Discrete::binomial(10, 1.0), Discrete::point(10));
        assert_eq!(Discrete::binomial(10, 0.0), Discrete::point(0));
        // Bin(4, ½): 1, 4, 6, 4, 1 sixteenths.
        let d = Discrete::binomial(4, 0.5);
        for (k, sixteenths) in [1.0, 4.0, 6.0, 4.0, 1.0].into_iter().enumerate() {
            assert!(
                close(d.probability(k as u64), sixteenths / 16.0, 1e-12),
                "{k}"
            );
        }
    }

    #[test]
    fn beta_binomial_matches_the_formula() {
        let ln_beta = |a: f64, b: f64| ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b);
        let ln_choose =
            |n: f64, k: f64| ln_gamma(n + 1.0) - ln_gamma(k + 1.0) - ln_gamma(n - k + 1.0);
        for &(n, a, b) in &[
            (10_u64, 1.0, 1.0),
            (40, 2.5, 47.5),
            (300, 30.0, 570.0),
            (5, 0.5, 0.5),
        ] {
            let bb = Discrete::beta_binomial(n, a, b);
            let mut total = 0.0;
            for k in 0..=n {
                let (kf, nf) = (k as f64, n as f64);
                let direct =
                    (ln_choose(nf, kf) + ln_beta(kf + a, nf - kf + b) - ln_beta(a, b)).exp();
                total += direct;
                assert!(close(bb.probability(k), direct, 1e-12), "n {n} k {k}");
            }
            assert!(close(total, 1.0, 1e-10));
            // Uniform rate: every count equally likely.
            if a == 1.0 && b == 1.0 {
                assert!(close(bb.probability(3), 1.0 / 11.0, 1e-14));
            }
        }
    }

    #[test]
    fn percentiles_are_the_smallest_value_reaching_the_share() {
        let d = Discrete {
            first: 5,
            probabilities: vec![0.1, 0.4, 0.5],
        };
        assert_eq!(d.percentile(0.1), 5);
        assert_eq!(d.percentile(0.11), 6);
        assert_eq!(d.percentile(0.5), 6);
        assert_eq!(d.percentile(0.9), 7);
        assert_eq!(d.last(), 7);
    }

    #[test]
    fn convolution_of_poissons_is_poisson() {
        let sum = Discrete::poisson(3.0).plus(&Discrete::poisson(4.5));
        let direct = Discrete::poisson(7.5);
        for k in 0..40 {
            assert!(close(sum.probability(k), direct.probability(k), 1e-14));
        }
        // Against the formula e^−m m^k ÷ k!.
        let p = |m: f64, k: u64| (-m + k as f64 * m.ln() - ln_gamma(k as f64 + 1.0)).exp();
        for k in 0..40 {
            assert!(close(direct.probability(k), p(7.5, k), 1e-13));
        }
    }
}
