//! A shared run: the whole [`Config`] plus what the page shows (speed, selected pair, presentation mode, hidden
//! controls), written to and read from the URL hash with short readable keys:
//! `#data=helpfulness&model=linear&opt=sgd&lr=0.5&mom=0&batch=4&loss=bt&eps=0.1&c=0&group=prompts&noise=0&test=0.25&seed=1&wd=0&speed=10&pair=3&present=1&hide=settings,explorer`.
//!
//! Pure and total: any hash gives a state that passes [`Config::validate`]; every value that could not be used is
//! replaced by its default and named in a notice. Keys owned by other features (e.g. `lesson`) are left as they are.

use crate::data::{builtin, builtin_names};
use crate::hash::HashMap;
use crate::loss::LossKind;
use crate::model::ModelKind;
use crate::optim::OptimizerKind;
use crate::train::{Config, Grouping};

/// Speeds the page offers, in updates per second; ∞ (written `max`) means as fast as the machine allows.
pub const SPEEDS: [f64; 10] = [
    1.0,
    2.0,
    5.0,
    10.0,
    20.0,
    50.0,
    100.0,
    300.0,
    1000.0,
    f64::INFINITY,
];
/// The speed a run starts at.
pub const DEFAULT_SPEED: f64 = 10.0;
/// The largest learning rate a link may carry (the page's slider ends there too).
pub const MAX_LINK_LR: f64 = 10.0;
/// The largest batch size a link may carry (the page's field ends there too).
pub const MAX_BATCH: usize = 10_000;
/// The largest seed a link may carry: 2^53, the last integer a browser's number field holds exactly.
pub const MAX_SEED: u64 = 1 << 53;

/// Parts of the page a teacher's link can hide, with how the "Hide controls" dialog names them.
pub const HIDEABLE: [(&str, &str); 6] = [
    ("explorer", "The loss explorer (drag two rewards)"),
    ("settings", "Training settings"),
    ("inspector", "Pair inspector"),
    ("slowstep", "Slow step"),
    ("charts", "Live charts"),
    ("score", "Score your own response"),
];

/// Every key this module reads and writes (other keys in the hash belong to other features).
pub const KEYS: [&str; 18] = [
    "data", "model", "opt", "lr", "mom", "batch", "loss", "eps", "c", "group", "noise", "test",
    "seed", "wd", "speed", "pair", "present", "hide",
];

/// Everything a link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedState {
    /// The run's settings.
    pub config: Config,
    /// Updates per second while playing, one of [`SPEEDS`].
    pub speed: f64,
    /// The pair followed everywhere, by index into the data set.
    pub pair: Option<usize>,
    /// Presentation mode (large type, thick lines).
    pub present: bool,
    /// Names from [`HIDEABLE`], in that order, without repeats.
    pub hidden: Vec<String>,
}

impl Default for SharedState {
    fn default() -> Self {
        SharedState {
            config: Config::default(),
            speed: DEFAULT_SPEED,
            pair: None,
            present: false,
            hidden: Vec::new(),
        }
    }
}

/// How a value is shown inside a notice: quoted, cut to 24 characters, control characters replaced.
fn quote(value: &str) -> String {
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

/// Reads the hash's values one by one, keeping a notice for each that is refused.
struct Reader<'a> {
    map: &'a HashMap,
    notices: Vec<String>,
}

impl Reader<'_> {
    /// `key`'s value parsed by `parse`; absent keys keep `default` silently, refused ones say so.
    fn read<T: ToString>(
        &mut self,
        key: &str,
        default: T,
        allowed: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> T {
        let Some(raw) = self.map.get(key) else {
            return default;
        };
        match parse(raw.trim()) {
            Some(v) => v,
            None => {
                self.notices.push(format!(
                    "{key}: {} is not {allowed}; used {}",
                    quote(raw),
                    default.to_string()
                ));
                default
            }
        }
    }

    /// A finite number in `lo..hi` (each end closed or open as given).
    fn number(&mut self, key: &str, default: f64, lo: (f64, bool), hi: (f64, bool)) -> f64 {
        let allowed = format!(
            "a number in {}{}, {}{}",
            if lo.1 { "[" } else { "(" },
            lo.0,
            hi.0,
            if hi.1 { "]" } else { ")" }
        );
        self.read(key, default, &allowed, |s| {
            let v: f64 = s.parse().ok()?;
            let above = if lo.1 { v >= lo.0 } else { v > lo.0 };
            let below = if hi.1 { v <= hi.0 } else { v < hi.0 };
            (v.is_finite() && above && below).then_some(v)
        })
    }
}

/// A whole number written in plain digits (no sign, no exponent, no fraction).
fn whole(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 20 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn speed_name(speed: f64) -> String {
    if speed.is_finite() {
        speed.to_string()
    } else {
        "max".to_string()
    }
}

impl SharedState {
    /// Reads a state from `map`: absent keys take their defaults, refused values take their defaults and are
    /// listed in the returned notices. The state's config always passes [`Config::validate`].
    pub fn from_hash(map: &HashMap) -> (SharedState, Vec<String>) {
        let d = SharedState::default();
        let dc = &d.config;
        let mut r = Reader {
            map,
            notices: Vec::new(),
        };
        let names = builtin_names().join(", ");
        let dataset = r.read(
            "data",
            dc.dataset.clone(),
            &format!("one of {names}"),
            |s| builtin_names().contains(&s).then(|| s.to_string()),
        );
        let model = r.read("model", dc.model.name(), "linear or mlp", |s| {
            ModelKind::from_name(s).map(ModelKind::name)
        });
        let opt = r.read("opt", dc.optimizer.name(), "sgd or adam", |s| {
            OptimizerKind::from_name(s).map(OptimizerKind::name)
        });
        let loss = r.read("loss", dc.loss.kind.name(), "bt, margin or smooth", |s| {
            LossKind::from_name(s).map(LossKind::name)
        });
        let group = r.read("group", dc.grouping.name(), "prompts or pairs", |s| {
            Grouping::from_name(s).map(Grouping::name)
        });
        let mut config = Config {
            dataset,
            model: ModelKind::from_name(model).unwrap_or(dc.model),
            optimizer: OptimizerKind::from_name(opt).unwrap_or(dc.optimizer),
            lr: r.number("lr", dc.lr, (0.0, false), (MAX_LINK_LR, true)),
            momentum: r.number("mom", dc.momentum, (0.0, true), (1.0, false)),
            batch_size: r.read(
                "batch",
                dc.batch_size,
                &format!("a whole number from 0 to {MAX_BATCH}"),
                |s| {
                    whole(s)
                        .filter(|&v| v <= MAX_BATCH as u64)
                        .map(|v| v as usize)
                },
            ),
            weight_decay: r.number("wd", dc.weight_decay, (0.0, true), (1.0, false)),
            seed: r.read(
                "seed",
                dc.seed,
                &format!("a whole number from 0 to {MAX_SEED}"),
                |s| whole(s).filter(|&v| v <= MAX_SEED),
            ),
            test_fraction: r.number("test", dc.test_fraction, (0.0, true), (0.9, true)),
            loss: dc.loss,
            grouping: Grouping::from_name(group).unwrap_or(dc.grouping),
            label_noise: r.number("noise", dc.label_noise, (0.0, true), (0.5, true)),
        };
        config.loss.kind = LossKind::from_name(loss).unwrap_or(dc.loss.kind);
        config.loss.center_coef = r.number("c", dc.loss.center_coef, (0.0, true), (10.0, true));
        let eps_lo = (0.0, config.loss.kind != LossKind::Smooth);
        config.loss.label_smoothing =
            r.number("eps", dc.loss.label_smoothing, eps_lo, (0.5, false));

        let speed = r.read(
            "speed",
            speed_name(d.speed),
            "one of 1, 2, 5, 10, 20, 50, 100, 300, 1000, max",
            |s| SPEEDS.iter().map(|&v| speed_name(v)).find(|n| n == s),
        );
        let speed = SPEEDS
            .into_iter()
            .find(|&v| speed_name(v) == speed)
            .unwrap_or(DEFAULT_SPEED);
        let pairs = builtin(&config.dataset).map_or(0, |ds| ds.pairs.len());
        let pair = r.read(
            "pair",
            String::from("none"),
            &format!("a pair number from 0 to {}", pairs.saturating_sub(1)),
            |s| {
                whole(s)
                    .filter(|&v| v < pairs as u64)
                    .map(|v| v.to_string())
            },
        );
        let pair = pair.parse::<usize>().ok();
        let present = r.read("present", "0", "0 or 1", |s| match s {
            "0" => Some("0"),
            "1" => Some("1"),
            _ => None,
        }) == "1";
        let hidden = match map.get("hide") {
            None => Vec::new(),
            Some(raw) => {
                let asked: Vec<&str> = raw
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                let unknown: Vec<&str> = asked
                    .iter()
                    .copied()
                    .filter(|a| !HIDEABLE.iter().any(|(n, _)| n == a))
                    .collect();
                if !unknown.is_empty() {
                    let known: Vec<&str> = HIDEABLE.iter().map(|(n, _)| *n).collect();
                    r.notices.push(format!(
                        "hide: {} is not one of {}; ignored",
                        quote(&unknown.join(",")),
                        known.join(", ")
                    ));
                }
                HIDEABLE
                    .iter()
                    .filter(|(n, _)| asked.contains(n))
                    .map(|(n, _)| n.to_string())
                    .collect()
            }
        };
        let mut notices = r.notices;
        for (key, _) in map.pairs() {
            if !KEYS.contains(&key.as_str()) && key != "lesson" {
                notices.push(format!(
                    "{}: not a setting of this page; ignored",
                    quote(key)
                ));
            }
        }
        if let Err(e) = config.validate() {
            // Cannot happen with the ranges above; kept so the promise "always valid" holds whatever changes.
            notices.push(format!("{e}; used the default settings"));
            config = Config::default();
        }
        let state = SharedState {
            config,
            speed,
            pair,
            present,
            hidden,
        };
        (state, notices)
    }

    /// Writes this state into `map`, replacing this module's keys and leaving every other key (e.g. `lesson`)
    /// where it was.
    pub fn write_to(&self, map: &mut HashMap) {
        let c = &self.config;
        let values = [
            ("data", c.dataset.clone()),
            ("model", c.model.name().to_string()),
            ("opt", c.optimizer.name().to_string()),
            ("lr", c.lr.to_string()),
            ("mom", c.momentum.to_string()),
            ("batch", c.batch_size.to_string()),
            ("loss", c.loss.kind.name().to_string()),
            ("eps", c.loss.label_smoothing.to_string()),
            ("c", c.loss.center_coef.to_string()),
            ("group", c.grouping.name().to_string()),
            ("noise", c.label_noise.to_string()),
            ("test", c.test_fraction.to_string()),
            ("seed", c.seed.to_string()),
            ("wd", c.weight_decay.to_string()),
            ("speed", speed_name(self.speed)),
        ];
        for (k, v) in values {
            map.set(k, &v);
        }
        match self.pair {
            Some(p) => map.set("pair", &p.to_string()),
            None => map.remove("pair"),
        }
        if self.present {
            map.set("present", "1");
        } else {
            map.remove("present");
        }
        if self.hidden.is_empty() {
            map.remove("hide");
        } else {
            map.set("hide", &self.hidden.join(","));
        }
    }
}

#[cfg(test)]
#[path = "share_tests.rs"]
mod tests;
