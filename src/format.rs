//! How numbers are written for people and read back: the page's numbers with a true minus sign (U+2212), the
//! number boxes' ASCII values, typed numbers, the rewards' grid, and the plain form of error messages.
//!
//! Pure: no web crate, so every rule here is tested natively.

/// The rewards' range on the page's controls.
pub const REWARD_MIN: f64 = -8.0;
/// The rewards' range on the page's controls.
pub const REWARD_MAX: f64 = 8.0;
/// The controls' step, as the inputs' `step` attribute: rewards live on a 0.01 grid, so two decimals show them exactly.
pub const REWARD_STEP: &str = "0.01";

/// The minus sign the page writes before a negative number (U+2212), not the hyphen '-'.
pub const MINUS: char = '\u{2212}';

/// `value` with `digits` decimals, as the page shows it: a true minus (U+2212) before a negative number, never
/// "−0.00", and values too small for `digits` in exponent form instead of as 0. The exponent keeps its ASCII sign
/// ("−1.234e-5"): the minus belongs to the number, the exponent's sign is part of the notation.
pub fn fixed(value: f64, digits: usize) -> String {
    let ascii = ascii_fixed(value, digits);
    match ascii.strip_prefix('-') {
        Some(magnitude) => format!("{MINUS}{magnitude}"),
        None => ascii,
    }
}

/// A gain over a baseline as the "Use the model" scene writes it: three decimals with its sign, "+0.125" or
/// "−0.040". A gain within [`GAIN_NOISE`] of 0 is the rounding error of sums over a pool and reads "+0.000".
pub fn signed_gain(value: f64) -> String {
    let value = if value.abs() < GAIN_NOISE { 0.0 } else { value };
    if value >= 0.0 {
        format!("+{}", fixed(value, 3))
    } else {
        fixed(value, 3)
    }
}

/// Below this size, a difference of two expectations over a pool (sums of up to a few thousand terms) is rounding
/// error, not a gain.
pub const GAIN_NOISE: f64 = 1e-9;

/// A reward as the page shows it in text (two decimals, true minus).
pub fn reward(value: f64) -> String {
    fixed(value, 2)
}

/// A reward as a number box's or slider's `value` (two decimals, ASCII '-').
///
/// An `<input type="number">` or `type="range"` only accepts a value the HTML number grammar can parse: the
/// browser drops "−1.50" (U+2212) and shows an empty box. So inputs get ASCII, while text shows [`reward`].
pub fn input_value(value: f64) -> String {
    ascii_fixed(value, 2)
}

/// `value` with `digits` decimals in ASCII; tiny values in exponent form; "-0.00" written as "0.00".
fn ascii_fixed(value: f64, digits: usize) -> String {
    let smallest = 0.5 * libm::pow(10.0, -(digits as f64));
    if value != 0.0 && value.abs() < smallest {
        format!("{value:.3e}")
    } else {
        let s = format!("{value:.digits$}");
        // Avoid "-0.00": a number that rounds to zero has no sign.
        if s.trim_start_matches('-')
            .chars()
            .all(|c| c == '0' || c == '.')
        {
            s.trim_start_matches('-').to_string()
        } else {
            s
        }
    }
}

/// Reads a typed number; accepts a true minus (U+2212) and surrounding spaces. `None` for anything else, including
/// "inf" and "NaN".
pub fn parse_number(text: &str) -> Option<f64> {
    let v: f64 = text.trim().replace(MINUS, "-").parse().ok()?;
    v.is_finite().then_some(v)
}

/// A reward as a box or slider holds it once committed (Enter, leaving the box, a slider's move): any number, clamped
/// to −8…8 and put on the 0.01 grid; `None` for what is not a number.
pub fn box_reward(text: &str) -> Option<f64> {
    parse_number(text).map(snap_reward)
}

/// A reward as it is being typed into a number box: a number within −8…8, put on the 0.01 grid; `None` for
/// anything else (marked invalid while typing, and not taken). The app's explorer and the first view's share it.
pub fn typed_reward(text: &str) -> Option<f64> {
    parse_number(text)
        .filter(|v| (REWARD_MIN..=REWARD_MAX).contains(v))
        .map(snap_reward)
}

/// `value` clamped to the rewards' range and rounded to the 0.01 grid.
pub fn snap_reward(value: f64) -> f64 {
    // n / 100 is the double nearest to the decimal n/100, the same number the browser reads from "n/100".
    libm::round(value.clamp(REWARD_MIN, REWARD_MAX) * 100.0) / 100.0
}

/// The rewards that give the gap `gap` (rounded to 0.01, within −16…16) while moving r_better and keeping
/// `worse`; where r_better would leave −8…8 it stops at the end and r_worse moves instead. Dragging the explorer's
/// marker along a curve sets the gap this way.
pub fn rewards_for_gap(worse: f64, gap: f64) -> (f64, f64) {
    let span = REWARD_MAX - REWARD_MIN;
    let gap = libm::round(gap.clamp(-span, span) * 100.0) / 100.0;
    let worse = snap_reward(worse);
    let better = worse + gap;
    if better > REWARD_MAX {
        (REWARD_MAX, snap_reward(REWARD_MAX - gap))
    } else if better < REWARD_MIN {
        (REWARD_MIN, snap_reward(REWARD_MIN - gap))
    } else {
        (snap_reward(better), worse)
    }
}

/// The part of a shift `c` that keeps both rewards inside the range (the same for both, so Δ is unchanged).
pub fn limit_shift(better: f64, worse: f64, c: f64) -> f64 {
    let up = REWARD_MAX - better.max(worse);
    let down = REWARD_MIN - better.min(worse);
    // Rewards sit on the 0.01 grid, so up and down do too (up to rounding, removed here).
    libm::round(c.clamp(down.min(0.0), up.max(0.0)) * 100.0) / 100.0
}

/// `value` to `digits` significant digits, without trailing zeros: 0.251, 63.1, 100, 0.0158 (π_β's β).
pub fn significant(value: f64, digits: usize) -> String {
    if value == 0.0 || !value.is_finite() {
        return fixed(value, 0);
    }
    let exponent = libm::floor(libm::log10(value.abs())) as i64;
    let decimals = (digits as i64 - 1 - exponent).max(0) as usize;
    let text = fixed(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A value as an error message writes it (ASCII, like the CLI's other output): plain, or in exponent form when very
/// large or very small (`1e308`, not 309 digits).
pub fn plain(value: f64) -> String {
    let a = value.abs();
    if a.is_finite() && (a >= 1e6 || (a > 0.0 && a < 1e-4)) {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}

/// A value the reader gave, as a message quotes it: in quotes, cut to 24 characters (then "…"), control characters
/// shown as `?`, so a hostile link or code cannot flood or garble the page.
pub fn quoted(value: &str) -> String {
    let mut out: String = value
        .chars()
        .take(24)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if value.chars().count() > 24 {
        out.push('…');
    }
    format!("\"{out}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gains_carry_their_sign_and_rounding_noise_reads_as_no_gain() {
        assert_eq!(signed_gain(0.1254), "+0.125");
        assert_eq!(signed_gain(-0.04), "\u{2212}0.040");
        assert_eq!(signed_gain(0.0), "+0.000");
        assert_eq!(signed_gain(-1.8e-14), "+0.000");
        // A real but tiny gain is still shown, in exponent form.
        assert_eq!(signed_gain(2e-5), "+2.000e-5");
    }

    #[test]
    fn negative_numbers_are_written_with_a_true_minus() {
        assert_eq!(fixed(-1.5, 2), "\u{2212}1.50");
        assert_eq!(fixed(-std::f64::consts::LN_2, 4), "−0.6931");
        assert_eq!(reward(-0.5), "−0.50");
        assert_eq!(fixed(2.0, 4), "2.0000");
        assert!(!fixed(-3.0, 3).contains('-'));
    }

    #[test]
    fn negative_zero_and_what_rounds_to_zero_have_no_sign() {
        assert_eq!(fixed(-0.0, 2), "0.00");
        assert_eq!(fixed(0.0, 4), "0.0000");
        assert_eq!(fixed(-0.004, 2), "−4.000e-3", "tiny, so exponent form");
        assert_eq!(input_value(-0.0), "0.00");
        assert_eq!(fixed(-0.00004, 4), "−4.000e-5");
    }

    #[test]
    fn tiny_values_keep_exponent_form_with_the_minus_only_on_the_mantissa() {
        assert_eq!(fixed(-1.234e-5, 3), "−1.234e-5");
        assert_eq!(fixed(1.234e-5, 3), "1.234e-5");
        assert_eq!(fixed(1e-300, 4), "1.000e-300");
        assert_eq!(fixed(-1e-300, 4), "−1.000e-300");
        // Just big enough for the decimals: no exponent.
        assert_eq!(fixed(-0.005, 2), "−0.01");
    }

    #[test]
    fn input_values_stay_ascii_for_the_browser() {
        assert_eq!(input_value(-1.5), "-1.50");
        assert_eq!(input_value(8.0), "8.00");
        assert_eq!(input_value(-3.25), "-3.25");
        assert!(input_value(-7.99).is_ascii());
        // The same digits as the text, only the sign differs.
        for v in [-8.0, -2.37, -0.01, 0.0, 0.5, 7.99] {
            assert_eq!(reward(v).replace(MINUS, "-"), input_value(v));
        }
    }

    #[test]
    fn a_committed_reward_is_clamped_and_put_on_the_grid() {
        assert_eq!(box_reward(" −1.234 "), Some(-1.23));
        assert_eq!(box_reward("9"), Some(8.0));
        assert_eq!(box_reward("-12"), Some(-8.0));
        assert_eq!(box_reward("abc"), None);
    }

    #[test]
    fn a_typed_reward_is_taken_only_within_the_range_and_on_the_grid() {
        assert_eq!(typed_reward("−1.5"), Some(-1.5));
        assert_eq!(typed_reward("8"), Some(8.0));
        assert_eq!(typed_reward("-8"), Some(-8.0));
        assert_eq!(typed_reward("1.234"), Some(1.23));
        assert_eq!(
            typed_reward("8.01"),
            None,
            "outside −8…8: marked, not clamped while typing"
        );
        assert_eq!(typed_reward("9"), None);
        assert_eq!(typed_reward("1."), Some(1.0));
        assert_eq!(typed_reward("abc"), None);
    }

    #[test]
    fn typed_numbers_accept_a_true_minus_and_spaces_and_nothing_else() {
        assert_eq!(parse_number("−1.5"), Some(-1.5));
        assert_eq!(parse_number("-1.5"), Some(-1.5));
        assert_eq!(parse_number(" 2 "), Some(2.0));
        assert_eq!(parse_number("\t−0.25\n"), Some(-0.25));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("-inf"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("1e999"), None, "overflows to infinity");
    }

    #[test]
    fn what_the_page_writes_reads_back() {
        for v in [-7.25, -1.5, -1.234e-5, 0.0, 3.5] {
            let read = parse_number(&fixed(v, 4)).unwrap();
            assert!((read - v).abs() <= 0.5e-4 * v.abs().max(1e-4), "{v}");
        }
        assert_eq!(parse_number(&reward(-2.37)), Some(-2.37));
    }

    #[test]
    fn rewards_snap_to_the_grid_inside_the_range() {
        assert_eq!(snap_reward(1.234), 1.23);
        assert_eq!(snap_reward(-1.235), -1.24);
        assert_eq!(snap_reward(40.0), REWARD_MAX);
    }

    #[test]
    fn betas_are_written_to_three_significant_digits() {
        let betas: Vec<String> = (0..=20)
            .map(|k| significant(libm::pow(10.0, 2.0 - k as f64 / 5.0), 3))
            .collect();
        assert_eq!(betas[0], "100");
        assert_eq!(betas[1], "63.1");
        assert_eq!(betas[9], "1.58");
        assert_eq!(betas[10], "1");
        assert_eq!(betas[13], "0.251");
        assert_eq!(betas[20], "0.01");
        assert_eq!(significant(-0.012345, 2), "\u{2212}0.012");
        assert_eq!(significant(0.0, 3), "0");
    }

    #[test]
    fn dragging_to_a_gap_moves_r_better_and_r_worse_only_past_the_end() {
        assert_eq!(rewards_for_gap(-0.5, 2.0), (1.5, -0.5));
        assert_eq!(rewards_for_gap(-0.5, -3.004), (-3.5, -0.5));
        // r_better would be 11: it stops at 8 and r_worse moves to keep the gap.
        assert_eq!(rewards_for_gap(1.0, 10.0), (8.0, -2.0));
        assert_eq!(rewards_for_gap(1.0, -12.0), (-8.0, 4.0));
        // The widest gaps the two ranges allow.
        assert_eq!(rewards_for_gap(0.0, 99.0), (8.0, -8.0));
        assert_eq!(rewards_for_gap(0.0, -99.0), (-8.0, 8.0));
        for w in [-8.0, -3.3, 0.0, 7.9] {
            for g in [-16.0, -7.25, 0.0, 0.01, 5.5, 16.0] {
                let (b, wr) = rewards_for_gap(w, g);
                assert!((-8.0..=8.0).contains(&b) && (-8.0..=8.0).contains(&wr));
                assert!((b - wr - g).abs() < 1e-9, "{w} {g}: {b} {wr}");
            }
        }
        assert_eq!(snap_reward(-40.0), REWARD_MIN);
    }

    #[test]
    fn a_shift_is_limited_so_both_rewards_stay_in_range() {
        assert_eq!(limit_shift(1.5, -0.5, 2.5), 2.5);
        assert_eq!(limit_shift(7.0, 0.0, 3.0), 1.0);
        assert_eq!(limit_shift(0.0, -7.5, -3.0), -0.5);
        // Already at the edge: no room.
        assert_eq!(limit_shift(8.0, 0.0, 1.0), 0.0);
    }

    #[test]
    fn messages_write_huge_and_tiny_values_in_exponent_form() {
        assert_eq!(plain(1e308), "1e308");
        assert_eq!(plain(-1e308), "-1e308");
        assert_eq!(plain(-1e-300), "-1e-300");
        assert_eq!(plain(0.5), "0.5");
        assert_eq!(plain(-3.0), "-3");
        assert_eq!(plain(0.0), "0");
        assert_eq!(plain(f64::INFINITY), "inf");
    }
}
