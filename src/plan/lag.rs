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
//! The plan needs the inverse ([`Lag::leads_for`]): leads per month whose closes, times the
//! rate, are the plan's customers per month. With *m* the shortest and *K* the longest delay
//! that has a share, each close month *j* pins down one arrival month, solved month by month:
//!
//! ```text
//! forward  (wₘ ≥ w_K):  leads(j − m) = (target(j) − Σ_{k>m} wₖ × leads(j − k)) ÷ wₘ
//! backward (wₘ < w_K):  leads(j − K) = (target(j) − Σ_{k<K} wₖ × leads(j − k)) ÷ w_K
//! ```
//!
//! `target(j)` is the close month's customers in leads (the plan's leads × the month's share of
//! the period); close months after the period repeat the period (the next period is assumed to
//! repeat this one, as with a single shift). The direction divides by the larger end share, so
//! a small error is not multiplied month after month. The few arrival months no close month
//! pins down (before the earliest going forward, after the latest going backward) arrive at the
//! pace of the period's first month. Where the other months' leads alone already bring more
//! than a close month's target (a sharp seasonal drop), no lead plan without negative leads can
//! meet it: that month's leads are set to 0 and the overshoot is reported.

use serde::Serialize;

/// At most this many months from a lead's arrival to its close.
pub const MAX_LAG_MONTHS: usize = 24;

/// A lag distribution: fractions per month of delay, adding up to 1.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lag {
    /// `shares[k]`: the fraction of a month's leads that closes `k` months later.
    shares: Vec<f64>,
}

/// A close month whose target the leads of other months already exceed (see the module
/// documentation). Months are counted from the period's first (0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overshoot {
    pub close: i64,
    /// The arrival month whose leads were set to 0.
    pub arrival: i64,
    /// The close month's target, in leads.
    pub target: f64,
    /// What the other months' leads bring to it, in leads (more than the target).
    pub carried: f64,
}

/// Leads per arrival month from `first` on, with the months where the solve had to stop at 0.
#[derive(Clone, Debug, PartialEq)]
pub struct LeadPlan {
    /// The arrival month of `leads[0]`, counted from the period's first (≤ 0).
    pub first: i64,
    pub leads: Vec<f64>,
    pub overshoots: Vec<Overshoot>,
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

    /// The leads per arrival month whose closes are `targets` (one per month of the period, in
    /// leads), by the solve of the module documentation. The plan covers arrival months from
    /// `−longest` to the period's last month.
    pub fn leads_for(&self, targets: &[f64]) -> LeadPlan {
        let n = targets.len() as i64;
        let (m, big_k) = (self.shortest() as i64, self.longest() as i64);
        let first = -big_k;
        let Some(&pace) = targets.first() else {
            return LeadPlan {
                first,
                leads: Vec::new(),
                overshoots: Vec::new(),
            };
        };
        let target = |j: i64| targets[j.rem_euclid(n) as usize];
        let mut leads = vec![pace; (n + big_k) as usize];
        let mut overshoots = Vec::new();
        let index = |a: i64| (a - first) as usize;
        let forward = self.share(m) >= self.share(big_k);
        let (pivot, closes): (i64, Vec<i64>) = if forward {
            (m, (0..n + m).collect())
        } else {
            (big_k, (0..n + big_k).rev().collect())
        };
        let w = self.share(pivot);
        for j in closes {
            let arrival = j - pivot;
            if arrival >= n {
                continue;
            }
            let carried: f64 = (m..=big_k)
                .filter(|k| *k != pivot)
                .map(|k| {
                    let a = j - k;
                    let known = if (first..n).contains(&a) {
                        leads[index(a)]
                    } else {
                        pace
                    };
                    self.share(k) * known
                })
                .sum();
            let wanted = target(j);
            let x = (wanted - carried) / w;
            leads[index(arrival)] = if x < 0.0 {
                overshoots.push(Overshoot {
                    close: j,
                    arrival,
                    target: wanted,
                    carried,
                });
                0.0
            } else {
                x
            };
        }
        overshoots.sort_by_key(|o| o.close);
        LeadPlan {
            first,
            leads,
            overshoots,
        }
    }
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
        assert!(plan.overshoots.is_empty());
    }

    #[test]
    fn sixty_thirty_ten_by_hand() {
        // Closes of 100, 200, 100 leads. Before the period, leads at the first month's pace
        // (100). January: 0.3 × 100 + 0.1 × 100 = 40 carried, (100 − 40) ÷ 0.6 = 100.
        // February: 40 carried, (200 − 40) ÷ 0.6 = 266.67. March: 0.3 × 266.67 + 0.1 × 100 =
        // 90 carried, (100 − 90) ÷ 0.6 = 16.67.
        let lag = Lag::spread(&[60.0, 30.0, 10.0]);
        let plan = lag.leads_for(&[100.0, 200.0, 100.0]);
        assert_eq!(plan.first, -2);
        let expected = [100.0, 100.0, 100.0, 800.0 / 3.0, 50.0 / 3.0];
        for (got, want) in plan.leads.iter().zip(expected) {
            close(*got, want);
        }
        for (j, want) in [100.0, 200.0, 100.0].into_iter().enumerate() {
            close(lag.closing(j as i64, |a| plan.at(a)), want);
        }
    }

    #[test]
    fn mostly_next_month_is_solved_from_the_end() {
        // 10 % in the same month, 90 % a month later: backward, dividing by 0.9. After the
        // period (month 3) leads arrive at the first month's pace, 100. March: (100 − 0.1 ×
        // 100) ÷ 0.9 = 100 for February's leads; next January's closes (100): (100 − 0.1 ×
        // 100) ÷ 0.9 = 100 for March's; February (300): (300 − 0.1 × 100) ÷ 0.9 = 322.22 for
        // January's; January (100): (100 − 0.1 × 322.22) ÷ 0.9 = 75.31 for December's.
        let lag = Lag::spread(&[10.0, 90.0]);
        let targets = [100.0, 300.0, 100.0];
        let plan = lag.leads_for(&targets);
        let expected = [
            (100.0 - 0.1 * 2900.0 / 9.0) / 0.9,
            2900.0 / 9.0,
            100.0,
            100.0,
        ];
        for (got, want) in plan.leads.iter().zip(expected) {
            close(*got, want);
        }
        for (j, want) in targets.into_iter().enumerate() {
            close(lag.closing(j as i64, |a| plan.at(a)), want);
        }
    }

    #[test]
    fn a_sharp_drop_is_reported_and_clamped_at_zero() {
        // February's 433.33 leads bring 130 to March, January's 10: 140 > 20.
        let lag = Lag::spread(&[60.0, 30.0, 10.0]);
        let plan = lag.leads_for(&[100.0, 300.0, 20.0]);
        assert_eq!(plan.overshoots.len(), 1);
        let o = plan.overshoots[0];
        assert_eq!((o.close, o.arrival), (2, 2));
        close(o.target, 20.0);
        close(o.carried, 140.0);
        assert_eq!(plan.at(2), 0.0);
        assert!(plan.leads.iter().all(|l| *l >= 0.0));
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
