//! The sales-cycle lag: the share of a month's leads that closes in the same month, one month
//! later, two months later, … (METHOD.md, "Time": cohort planners spread closes over later
//! periods). One fixed shift of *L* months is the special case `w_L = 1`.
//!
//! Pushing leads through the lag (one function, [`Lag::closing`], used by the plan, the monthly
//! review and the forecast):
//!
//! ```text
//! closes(j) = Σₖ wₖ × leads(j − k)        wₖ = share closing k months after arrival, Σ wₖ = 1
//! ```
//!
//! The plan needs the inverse ([`Lag::leads_for`]): leads per month whose closes are the plan's
//! customers per month ÷ the rate, `target(j)`, for every month *j* of the period. The leads of
//! the months from *K* (the longest delay) before the period to its last month are unknowns,
//! more of them than there are months to meet, so of all exact plans the one nearest to the plain
//! guess `guess(a) = target(a + d)` (each month's leads for the closes *d* = the mean delay,
//! rounded, later; months after the period repeat it) is taken:
//!
//! ```text
//! minimise Σₐ (leads(a) − guess(a))²  subject to  Σₖ wₖ × leads(j − k) = target(j) for every j
//! leads = guess + Wᵀy,  (W Wᵀ) y = target − W guess,  (W Wᵀ)ᵢⱼ = Σₖ wₖ × wₖ₊|ᵢ₋ⱼ|
//! ```
//!
//! solved exactly by Cholesky (W Wᵀ is symmetric positive definite, at most 36 × 36). With one
//! shift the guess is already exact and nothing moves: the months carry the closes *L* months
//! later, as before. Nearest to the guess keeps the plan smooth; solving month by month instead
//! would multiply every seasonal step from month to month when the middle of the spread is its
//! largest share. Where the nearest plan needs negative leads (a sharp seasonal drop), those
//! months are set to 0 and the rest solved again; a month that then cannot be met at all is
//! reported with what it closes instead ([`Unmet`]).

use std::ops::RangeInclusive;

use serde::Serialize;

/// At most this many months from a lead's arrival to its close.
pub const MAX_LAG_MONTHS: usize = 24;

/// A lag distribution: fractions per month of delay, adding up to 1.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lag {
    /// `shares[k]`: the fraction of a month's leads that closes `k` months later.
    shares: Vec<f64>,
}

/// A month of the period whose target no plan without negative leads meets (see the module
/// documentation). Months are counted from the period's first (0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unmet {
    pub close: i64,
    /// The month's target, in leads.
    pub target: f64,
    /// What the plan's leads close in it, in leads.
    pub reached: f64,
}

/// Leads per arrival month from `first` on, with the months the plan cannot meet.
#[derive(Clone, Debug, PartialEq)]
pub struct LeadPlan {
    /// The arrival month of `leads[0]`, counted from the period's first (≤ 0).
    pub first: i64,
    pub leads: Vec<f64>,
    pub unmet: Vec<Unmet>,
}

impl LeadPlan {
    /// The leads arriving in month `a` (counted from the period's first); 0 outside the plan.
    pub fn at(&self, a: i64) -> f64 {
        usize::try_from(a - self.first)
            .ok()
            .and_then(|i| self.leads.get(i))
            .copied()
            .unwrap_or(0.0)
    }
}

impl Lag {
    /// Every lead closes `months` months after it arrived.
    pub fn shift(months: u32) -> Self {
        let months = (months as usize).min(MAX_LAG_MONTHS);
        let mut shares = vec![0.0; months + 1];
        shares[months] = 1.0;
        Self { shares }
    }

    /// Shares in percent per month of delay, scaled to add up to exactly 1 (validation allows
    /// them to be off 100 % by rounding); a list that cannot be scaled (all zero, negative or
    /// not a number) is no lag at all, which validation never lets reach a plan.
    pub fn spread(percent: &[f64]) -> Self {
        let percent = &percent[..percent.len().min(MAX_LAG_MONTHS + 1)];
        let total: f64 = percent.iter().sum();
        if !(total.is_finite() && total > 0.0) || percent.iter().any(|p| p.is_nan() || *p < 0.0) {
            return Self::shift(0);
        }
        Self {
            shares: percent.iter().map(|p| p / total).collect(),
        }
    }

    /// The fraction closing `delay` months after arrival (0 outside the distribution).
    pub fn share(&self, delay: i64) -> f64 {
        usize::try_from(delay)
            .ok()
            .and_then(|k| self.shares.get(k))
            .copied()
            .unwrap_or(0.0)
    }

    /// The fractions per month of delay, from 0 months on.
    pub fn shares(&self) -> &[f64] {
        &self.shares
    }

    /// The shortest delay with a share.
    pub fn shortest(&self) -> usize {
        self.shares.iter().position(|w| *w > 0.0).unwrap_or(0)
    }

    /// The longest delay with a share.
    pub fn longest(&self) -> usize {
        self.shares.iter().rposition(|w| *w > 0.0).unwrap_or(0)
    }

    /// `Some(L)` when every lead closes after the same `L` months.
    pub fn single(&self) -> Option<u32> {
        let m = self.shortest();
        (m == self.longest()).then(|| u32::try_from(m).unwrap_or(0))
    }

    /// The leads that close in month `close`: Σₖ wₖ × leads(close − k), for `leads` by arrival
    /// month (any month numbering).
    pub fn closing(&self, close: i64, leads: impl Fn(i64) -> f64) -> f64 {
        self.shares
            .iter()
            .enumerate()
            .filter(|(_, w)| **w > 0.0)
            .map(|(k, w)| w * leads(close - k as i64))
            .sum()
    }

    /// The fraction of a month's leads that closes from `from` to `to` months after arrival,
    /// both included.
    pub fn share_between(&self, from: i64, to: i64) -> f64 {
        (from.max(0)..=to).map(|k| self.share(k)).sum()
    }

    /// The mean delay in whole months, rounded: Σₖ k × wₖ.
    fn mean_delay(&self) -> i64 {
        let mean: f64 = self
            .shares
            .iter()
            .enumerate()
            .map(|(k, w)| k as f64 * w)
            .sum();
        mean.round() as i64
    }

    /// The leads per arrival month whose closes are `targets` (one per month of the period, in
    /// leads), by the solve of the module documentation. The plan covers arrival months from
    /// `−longest` to the period's last month.
    pub fn leads_for(&self, targets: &[f64]) -> LeadPlan {
        let band = Band {
            lag: self,
            first: -(self.longest() as i64),
            big_k: self.longest(),
        };
        let guess = self.guess(targets, band.first);
        if self.single().is_some() {
            return LeadPlan {
                first: band.first,
                leads: guess,
                unmet: Vec::new(),
            };
        }
        let leads = band.nearest_without_negatives(targets, &guess);
        let unmet = band.unmet(targets, &leads);
        LeadPlan {
            first: band.first,
            leads,
            unmet,
        }
    }

    /// The plain guess `guess(a) = target(a + d)` for the arrival months `a` from `first` to
    /// the period's last, `d` the mean delay; past the period's end the targets start over (the
    /// next period repeats this one).
    fn guess(&self, targets: &[f64], first: i64) -> Vec<f64> {
        let n = targets.len();
        let delay = self.mean_delay();
        (first..n as i64)
            .map(|a| {
                targets
                    .get((a + delay).rem_euclid(n.max(1) as i64) as usize)
                    .copied()
                    .unwrap_or(0.0)
            })
            .collect()
    }
}

/// The matrix W of the solve: column c holds the leads of arrival month c + `first`; in the
/// row of close month j its weight is the share closing j − (c + `first`) months later, so only
/// the columns j to j + K (`big_k`, the longest delay) of a row are not 0.
struct Band<'a> {
    lag: &'a Lag,
    first: i64,
    big_k: usize,
}

impl Band<'_> {
    fn weight(&self, j: usize, column: usize) -> f64 {
        self.lag.share(j as i64 - (column as i64 + self.first))
    }

    /// The columns of row `j` that are not 0.
    fn columns(&self, j: usize) -> RangeInclusive<usize> {
        j..=j + self.big_k
    }

    /// The exact plan nearest to `guess`, `leads = guess + Wᵀy`, with the months whose leads
    /// would be negative fixed at 0 and the months that then cannot be met left out.
    fn nearest_without_negatives(&self, targets: &[f64], guess: &[f64]) -> Vec<f64> {
        let n = targets.len();
        let mut leads = guess.to_vec();
        let mut fixed = vec![false; guess.len()];
        let mut met = vec![true; n];
        // Each pass either meets the months left with leads ≥ 0, or fixes at least one more
        // month's leads at 0 or gives up one more month: at most one pass for each.
        for _ in 0..=guess.len() + n {
            let rows: Vec<usize> = (0..n).filter(|j| met[*j]).collect();
            let y = match self.correction(targets, guess, &rows, &fixed) {
                Ok(y) => y,
                Err(row) => {
                    // This month's leads are all fixed at 0 (or only move with others'): it
                    // cannot be met; solve again without it.
                    met[rows[row]] = false;
                    continue;
                }
            };
            leads.copy_from_slice(guess);
            for (&j, y) in rows.iter().zip(&y) {
                for c in self.columns(j) {
                    leads[c] += self.weight(j, c) * y;
                }
            }
            let negative: Vec<usize> = (0..leads.len())
                .filter(|c| fixed[*c] || leads[*c] < 0.0)
                .collect();
            for &c in &negative {
                leads[c] = 0.0;
            }
            if negative.iter().all(|c| fixed[*c]) {
                break;
            }
            for c in negative {
                fixed[c] = true;
            }
        }
        leads
    }

    /// One pass's `y` from `(W Wᵀ) y = target − W guess`, over the months still to be met
    /// (`rows`) and the columns not fixed at 0: `(W Wᵀ)ᵢⱼ = Σ_c W_ic × W_jc` over the columns
    /// both rows share. `Err(i)`: the month of `rows[i]` depends on the ones before it.
    fn correction(
        &self,
        targets: &[f64],
        guess: &[f64],
        rows: &[usize],
        fixed: &[bool],
    ) -> Result<Vec<f64>, usize> {
        let free = |column: usize| !fixed[column];
        let residual: Vec<f64> = rows
            .iter()
            .map(|&j| {
                targets[j]
                    - self
                        .columns(j)
                        .filter(|c| free(*c))
                        .map(|c| self.weight(j, c) * guess[c])
                        .sum::<f64>()
            })
            .collect();
        let gram: Vec<Vec<f64>> = rows
            .iter()
            .map(|&i| {
                rows.iter()
                    .map(|&j| {
                        (i.max(j)..=i.min(j) + self.big_k)
                            .filter(|c| free(*c))
                            .map(|c| self.weight(i, c) * self.weight(j, c))
                            .sum()
                    })
                    .collect()
            })
            .collect();
        cholesky_solve(&gram, &residual)
    }

    /// The months whose closes of `leads` miss their target (beyond rounding), with what they
    /// close instead.
    fn unmet(&self, targets: &[f64], leads: &[f64]) -> Vec<Unmet> {
        (0..targets.len())
            .filter_map(|j| {
                let reached: f64 = self.columns(j).map(|c| self.weight(j, c) * leads[c]).sum();
                let target = targets[j];
                ((reached - target).abs() > 1e-9 * target.abs().max(1.0)).then_some(Unmet {
                    close: j as i64,
                    target,
                    reached,
                })
            })
            .collect()
    }
}

/// Solves `a x = b` for a symmetric positive definite `a` by Cholesky; `Err(i)` names the first
/// row whose pivot is not clearly positive (the row depends on the ones before it).
fn cholesky_solve(a: &[Vec<f64>], b: &[f64]) -> Result<Vec<f64>, usize> {
    let n = b.len();
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let dot: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            if i == j {
                let pivot = a[i][i] - dot;
                if pivot.is_nan() || pivot <= 1e-12 * a[i][i].max(f64::MIN_POSITIVE) {
                    return Err(i);
                }
                l[i][i] = pivot.sqrt();
            } else {
                l[i][j] = (a[i][j] - dot) / l[j][j];
            }
        }
    }
    let mut z = vec![0.0; n];
    for i in 0..n {
        let dot: f64 = (0..i).map(|k| l[i][k] * z[k]).sum();
        z[i] = (b[i] - dot) / l[i][i];
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let dot: f64 = (i + 1..n).map(|k| l[k][i] * x[k]).sum();
        x[i] = (z[i] - dot) / l[i][i];
    }
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} ≠ {b}");
    }

    #[test]
    fn a_single_shift_moves_the_targets_earlier_and_repeats_the_period() {
        let plan = Lag::shift(1).leads_for(&[120.0, 240.0, 120.0]);
        assert_eq!(plan.first, -1);
        assert_eq!(plan.leads, vec![120.0, 240.0, 120.0, 120.0]);
        assert!(plan.unmet.is_empty());
    }

    /// Each month's closes of `plan` through `lag`, for the months of `targets`.
    fn closes(lag: &Lag, plan: &LeadPlan, months: usize) -> Vec<f64> {
        (0..months as i64)
            .map(|j| lag.closing(j, |a| plan.at(a)))
            .collect()
    }

    #[test]
    fn fifty_fifty_by_hand() {
        // Closes of 100 and 200 leads, half in the same month and half a month later. Mean delay
        // ½ → 1: the guess is next month's closes, December 100, January 200, February 100 (the
        // next period's January), which closes 150 and 150: 50 short and 50 over. W Wᵀ =
        // [[½, ¼], [¼, ½]], y = (−200, 200), leads = guess + Wᵀy = (0, 200, 200).
        let lag = Lag::spread(&[50.0, 50.0]);
        let plan = lag.leads_for(&[100.0, 200.0]);
        assert_eq!(plan.first, -1);
        for (got, want) in plan.leads.iter().zip([0.0, 200.0, 200.0]) {
            close(*got, want);
        }
        assert!(plan.unmet.is_empty());
    }

    #[test]
    fn an_even_plan_is_its_own_answer() {
        let plan = Lag::spread(&[60.0, 30.0, 10.0]).leads_for(&[100.0; 12]);
        assert!(plan.leads.iter().all(|l| (l - 100.0).abs() < 1e-9));
    }

    #[test]
    fn seasonal_plans_round_trip_without_zigzag() {
        // The example's seasonality, with spreads early, late and heaviest in the middle (the
        // last one multiplied a month-by-month solve's errors by 2.6 a month).
        let weights = [0.8, 0.9, 1.1, 1.0, 1.0, 1.2, 0.6, 0.6, 1.1, 1.2, 1.3, 1.2];
        let targets: Vec<f64> = weights.iter().map(|w| w * 100.0).collect();
        for (spread, smooth) in [
            (vec![60.0, 30.0, 10.0], true),
            (vec![10.0, 90.0], true),
            (vec![20.0, 60.0, 20.0], true),
            // 30/50/20 cannot close an alternating pattern at all (its shares sum to 0 with
            // alternating signs: 0.3 − 0.5 + 0.2), so the example's ups and downs take months
            // without leads; still met exactly.
            (vec![0.0, 0.0, 30.0, 50.0, 20.0], false),
        ] {
            let lag = Lag::spread(&spread);
            let plan = lag.leads_for(&targets);
            assert!(plan.unmet.is_empty(), "{spread:?}: {:?}", plan.unmet);
            for (got, want) in closes(&lag, &plan, 12).iter().zip(&targets) {
                close(*got, *want);
            }
            assert!(plan.leads.iter().all(|l| *l >= 0.0));
            assert!(
                !smooth || plan.leads.iter().all(|l| (10.0..=200.0).contains(l)),
                "{spread:?}: {:?}",
                plan.leads
            );
        }
    }

    #[test]
    fn a_sharp_drop_is_reported_and_no_month_is_negative() {
        // March's 20 cannot be met: February's leads that close in February (300) bring March
        // at least 30 % of them.
        let lag = Lag::spread(&[60.0, 30.0, 10.0]);
        let targets = [100.0, 300.0, 20.0];
        let plan = lag.leads_for(&targets);
        assert!(!plan.unmet.is_empty());
        assert!(plan.leads.iter().all(|l| *l >= 0.0));
        let reached = closes(&lag, &plan, 3);
        for (j, want) in targets.iter().enumerate() {
            match plan.unmet.iter().find(|u| u.close == j as i64) {
                Some(u) => {
                    close(u.reached, reached[j]);
                    close(u.target, *want);
                }
                None => close(reached[j], *want),
            }
        }
    }

    #[test]
    fn spread_scales_to_one_and_finds_its_ends() {
        let lag = Lag::spread(&[0.0, 59.995, 30.0, 10.0, 0.0]);
        close(lag.shares().iter().sum(), 1.0);
        assert_eq!((lag.shortest(), lag.longest()), (1, 3));
        assert_eq!(lag.single(), None);
        assert_eq!(Lag::spread(&[0.0, 0.0, 100.0]).single(), Some(2));
        assert_eq!(Lag::shift(3).single(), Some(3));
        close(lag.share_between(2, 9), 0.4 / 0.99995);
    }
}
