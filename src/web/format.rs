//! How numbers are shown and read on the page.

/// The rewards' range on the page's controls.
pub const REWARD_MIN: f64 = -8.0;
/// The rewards' range on the page's controls.
pub const REWARD_MAX: f64 = 8.0;
/// The controls' step, as the inputs' `step` attribute: rewards live on a 0.01 grid, so two decimals show them exactly.
pub const REWARD_STEP: &str = "0.01";

/// `value` with `digits` decimals; values too small for that show in scientific notation instead of as 0.
pub fn fixed(value: f64, digits: usize) -> String {
    let smallest = 0.5 * libm::pow(10.0, -(digits as f64));
    if value != 0.0 && value.abs() < smallest {
        format!("{value:.3e}")
    } else {
        // Avoid "-0.00".
        let s = format!("{value:.digits$}");
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

/// A reward as shown in the controls (two decimals).
pub fn reward(value: f64) -> String {
    fixed(value, 2)
}

/// Reads a typed number; accepts a typographic minus and surrounding spaces. `None` for anything else.
pub fn parse_number(text: &str) -> Option<f64> {
    let v: f64 = text.trim().replace('\u{2212}', "-").parse().ok()?;
    v.is_finite().then_some(v)
}

/// `value` clamped to the rewards' range and rounded to the 0.01 grid.
pub fn snap_reward(value: f64) -> f64 {
    // n / 100 is the double nearest to the decimal n/100, the same number the browser reads from "n/100".
    libm::round(value.clamp(REWARD_MIN, REWARD_MAX) * 100.0) / 100.0
}

/// The part of a shift `c` that keeps both rewards inside the range (the same for both, so Δ is unchanged).
pub fn limit_shift(better: f64, worse: f64, c: f64) -> f64 {
    let up = REWARD_MAX - better.max(worse);
    let down = REWARD_MIN - better.min(worse);
    // Rewards sit on the 0.01 grid, so up and down do too (up to rounding, removed here).
    libm::round(c.clamp(down.min(0.0), up.max(0.0)) * 100.0) / 100.0
}
