//! The reverse funnel of step 1, one formula per function (METHOD.md, "Step 1").
//!
//! Rates are fractions here (0.05 = 5 %); the percent inputs are divided by 100 once, in
//! [`super::compute`].

/// marketing revenue target = revenue goal × marketing share
pub fn marketing_revenue(revenue_goal: f64, marketing_share: f64) -> f64 {
    revenue_goal * marketing_share
}

/// customers needed = marketing revenue target ÷ average deal size
pub fn customers_needed(marketing_revenue: f64, average_deal_size: f64) -> f64 {
    marketing_revenue / average_deal_size
}

/// leads needed = customers needed ÷ lead-to-customer rate
pub fn leads_needed(customers_needed: f64, lead_to_customer: f64) -> f64 {
    customers_needed / lead_to_customer
}

/// lead value = average deal size × lead-to-customer rate (what one lead is worth)
pub fn lead_value(average_deal_size: f64, lead_to_customer: f64) -> f64 {
    average_deal_size * lead_to_customer
}

/// How far above a whole number, in units of the value's float precision, a count may be and
/// still be that whole number: a few operations' rounding (a division, a running sum of a
/// year's days) leave this much, while any real fraction of a lead is far larger.
const NOISE_ULPS: f64 = 256.0;

/// A count of people or deals rounded **up** (you cannot win 0.7 of a customer, and rounding
/// down would miss the goal). Only binary noise is absorbed — a distance from the whole number
/// below of at most [`NOISE_ULPS`] × ε × |count|, relative to float precision, so
/// 24 ÷ 0.05 = 480.00000000000006 gives 480, not 481, while 999,999,999.5 still gives
/// 1,000,000,000 at any size (a tolerance of a fixed share of the value would swallow whole
/// leads of large totals).
pub fn whole_up(count: f64) -> f64 {
    let below = count.floor();
    let noise = count.abs() * NOISE_ULPS * f64::EPSILON;
    let whole = if count - below <= noise {
        below
    } else {
        count.ceil()
    };
    whole.max(0.0)
}

/// Whole targets for the parts of a period (months, weeks): each part gets the rounded-up
/// running total minus the rounded-up running total before it,
///
/// ```text
/// targetᵢ = ⌈p₁ + … + pᵢ⌉ − ⌈p₁ + … + pᵢ₋₁⌉
/// ```
///
/// so every target is a whole number, the targets add up to the rounded-up total, and at every
/// point the targets so far are at least the exact plan so far (rounding never puts a team
/// behind its goal). This is the one rule for counts: totals round up, parts follow from it.
pub fn whole_parts(parts: &[f64]) -> Vec<f64> {
    let mut running = 0.0;
    let mut reached = 0.0;
    parts
        .iter()
        .map(|part| {
            running += part;
            let total = whole_up(running);
            let target = (total - reached).max(0.0);
            reached = reached.max(total);
            target
        })
        .collect()
}

/// Whole parts of a whole `total` in proportion to `weights` (shares of leads, customers per
/// source), by the largest-remainder method (Hamilton):
///
/// ```text
/// quotaᵢ = total × weightᵢ ÷ Σ weights
/// partᵢ  = ⌊quotaᵢ⌋ + 1 for the (total − Σ ⌊quota⌋) parts with the largest remainders
///          quotaᵢ − ⌊quotaᵢ⌋, else ⌊quotaᵢ⌋
/// ```
///
/// so every part is whole, the parts add up to `total` exactly and each is within one of its
/// quota. Remainders equal to nine decimals are a tie, settled by the order of the list (the
/// first part gets the lead), so binary noise never decides. `total` is a whole number ≥ 0;
/// weights of zero or less get nothing; without a positive weight every part is 0.
pub fn largest_remainder(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().filter(|w| **w > 0.0).sum();
    if total == 0 || sum <= 0.0 || !sum.is_finite() {
        return vec![0; weights.len()];
    }
    let quotas: Vec<f64> = weights
        .iter()
        .map(|w| {
            if *w > 0.0 {
                total as f64 * w / sum
            } else {
                0.0
            }
        })
        .collect();
    let mut parts: Vec<u64> = quotas.iter().map(|q| q.floor() as u64).collect();
    let given: u64 = parts.iter().sum();
    let mut order: Vec<usize> = (0..quotas.len()).filter(|i| quotas[*i] > 0.0).collect();
    order.sort_by_key(|&i| {
        std::cmp::Reverse(((quotas[i] - quotas[i].floor()) * 1e9).round() as i64)
    });
    // Σ quotas = total, so at most one lead per part is left; rounding of the quotas can put
    // the floors a lead above the total, taken back from the smallest remainders.
    let left = usize::try_from(total.saturating_sub(given)).unwrap_or(usize::MAX);
    for &i in order.iter().take(left) {
        parts[i] += 1;
    }
    let over = usize::try_from(given.saturating_sub(total)).unwrap_or(usize::MAX);
    for &i in order.iter().rev().take(over) {
        parts[i] = parts[i].saturating_sub(1);
    }
    parts
}

/// `parts` adjusted so that adding them up in order, as a spreadsheet does, gives `total`
/// exactly: every part but the last is kept, and the last becomes
///
/// ```text
/// last = total − (p₁ + … + pₙ₋₁)
/// ```
///
/// moved by the float steps needed so that (p₁ + … + pₙ₋₁) + last rounds to `total` (the
/// difference itself may round). Each part is `total × fᵢ` with Σ fᵢ = 1, so the change to the
/// last part is binary noise: 999.9999999999999 becomes 1,000.
pub fn exact_parts(mut parts: Vec<f64>, total: f64) -> Vec<f64> {
    let Some((last, first)) = parts.split_last_mut() else {
        return parts;
    };
    let before = first.iter().fold(0.0, |sum, p| sum + p);
    let mut value = total - before;
    for _ in 0..4 {
        let reached = before + value;
        if reached == total || !reached.is_finite() {
            break;
        }
        value = if reached < total {
            value.next_up()
        } else {
            value.next_down()
        };
    }
    // −0.0 reads as "-0" in a file.
    *last = value + 0.0;
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_parts_add_up_to_the_rounded_up_total_and_never_lag() {
        // 74 customers spread as 6.1 a month and a bit.
        let parts = [6.1, 6.1, 6.2, 6.0, 6.3, 6.1, 6.2, 6.2, 6.1, 6.2, 6.3, 6.2];
        let whole = whole_parts(&parts);
        assert!(whole.iter().all(|w| w.fract() == 0.0));
        assert_eq!(whole.iter().sum::<f64>(), whole_up(parts.iter().sum()));
        assert_eq!(&whole[..3], &[7.0, 6.0, 6.0]);
        let mut exact = 0.0;
        let mut target = 0.0;
        for (p, w) in parts.iter().zip(&whole) {
            exact += p;
            target += w;
            assert!(target >= exact - 1e-9);
        }
        assert_eq!(whole_parts(&[40.0, 40.0]), vec![40.0, 40.0]);
        assert_eq!(whole_parts(&[0.2, 0.2, 0.2]), vec![1.0, 0.0, 0.0]);
    }

    #[test]
    fn largest_remainder_adds_up_and_settles_ties_by_order() {
        assert_eq!(largest_remainder(79, &[23.7, 31.1, 45.2]), [19, 24, 36]);
        assert_eq!(largest_remainder(3, &[0.5, 0.5]), [2, 1]);
        assert_eq!(largest_remainder(1, &[0.2, 0.3, 0.5]), [0, 0, 1]);
        assert_eq!(largest_remainder(1_100, &[0.2, 0.3, 0.5]), [220, 330, 550]);
        assert_eq!(largest_remainder(5, &[0.0, 1.0]), [0, 5]);
        assert_eq!(largest_remainder(5, &[0.0, 0.0]), [0, 0]);
        assert_eq!(largest_remainder(0, &[1.0, 2.0]), [0, 0]);
        let ten = largest_remainder(1_175, &[0.1; 10]);
        assert_eq!(ten, [118, 118, 118, 118, 118, 117, 117, 117, 117, 117]);
    }

    #[test]
    fn exact_parts_add_up_in_order() {
        let parts = exact_parts(vec![1_000.0 / 12.0; 12], 1_000.0);
        assert_eq!(parts.iter().fold(0.0, |s, p| s + p), 1_000.0);
        assert_eq!(exact_parts(vec![0.1, 0.2], 0.3), [0.1, 0.3 - 0.1]);
        assert_eq!(exact_parts(Vec::new(), 1.0), Vec::<f64>::new());
        assert_eq!(exact_parts(vec![-0.0], 0.0)[0].to_string(), "0");
        let tiny = exact_parts(vec![1e-20, 1e20], 1e20 + 1e-20);
        assert_eq!(tiny.iter().fold(0.0, |s, p| s + p), 1e20);
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn hubspot_leads_waterfall() {
        // Volpe 2012: 7 customers at a 5 % lead-to-customer rate → 140 leads.
        assert!(close(leads_needed(7.0, 0.05), 140.0));
        assert_eq!(whole_up(leads_needed(7.0, 0.05)), 140.0);
    }

    #[test]
    fn marketing_survivalist() {
        // 100,000 ÷ 25,000 = 4 sales; ÷ 25 % = 16 leads; sales sources 2 of the 4 sales' worth
        // of leads itself, so marketing owes 14: a marketing share of 14/16 = 87.5 %.
        let all = customers_needed(100_000.0, 25_000.0);
        assert!(close(all, 4.0));
        assert!(close(leads_needed(all, 0.25), 16.0));
        let marketing = customers_needed(marketing_revenue(100_000.0, 0.875), 25_000.0);
        assert!(close(leads_needed(marketing, 0.25), 14.0));
    }

    #[test]
    fn sales_benchmark_index() {
        // 7,500,000 ÷ 85,000 = 88.2 deals; shown rounded up.
        let deals = customers_needed(7_500_000.0, 85_000.0);
        assert!((deals - 88.235).abs() < 0.001);
        assert_eq!(whole_up(deals), 89.0);
    }

    #[test]
    fn weinbaum_whitepaper_lead_value() {
        // 1 % close rate × 160,000 average revenue → each lead is worth 1,600.
        assert!(close(lead_value(160_000.0, 0.01), 1_600.0));
    }

    #[test]
    fn whole_up_rounds_up_but_not_noise() {
        assert_eq!(whole_up(24.0 / 0.05), 480.0);
        assert_eq!(whole_up(480.01), 481.0);
        assert_eq!(whole_up(0.3), 1.0);
        assert_eq!(whole_up(0.0), 0.0);
        assert_eq!(whole_up(2222.9999999999995), 2223.0);
        assert_eq!(whole_up(-0.5), 0.0);
    }

    #[test]
    fn whole_up_rounds_up_large_totals() {
        assert_eq!(whole_up(999_999_999.5), 1_000_000_000.0);
        assert_eq!(whole_up(1e9 + 0.25), 1_000_000_001.0);
        assert_eq!(whole_up(1e12 + 0.5), 1_000_000_000_001.0);
        // 10⁹ reached by arithmetic that leaves noise is still 10⁹.
        assert_eq!(whole_up(1e9 * (1.0 + f64::EPSILON)), 1e9);
        assert_eq!(whole_up(0.1 * 3.0 * 1e10 / 3.0), 1e9);
        assert_eq!(whole_up(1e18), 1e18);
    }
}
