//! A shared run: the whole [`Config`] plus what the page shows (speed, selected pair, presentation mode, hidden
//! controls), written to and read from the URL hash with short readable keys:
//! `#data=helpfulness&model=linear&opt=sgd&lr=0.5&mom=0&batch=4&loss=bt&eps=0.1&c=0&group=prompts&noise=0&test=0.25&seed=1&wd=0&speed=10&pair=3&present=1&hide=settings,explorer`.
//!
//! Pure and total: any hash gives a state that passes [`Config::validate`]; every value that could not be used is
//! replaced by its default and named in a notice. Keys owned by other features (e.g. `lesson`) are left as they are.
//! Every key, range and default comes from the settings table, [`crate::settings`].

use crate::data::builtin;
use crate::format::quoted as quote;
use crate::hash::HashPairs;
use crate::loss::LossKind;
use crate::model::ModelKind;
use crate::optim::OptimizerKind;
use crate::scene::{train_view_from_key, train_view_key, Scene, TrainView, DEFAULT_TRAIN_VIEW};
use crate::settings::{self as table, Setting};
use crate::train::{Config, Grouping};

pub use crate::settings::{DEFAULT_SPEED, HIDEABLE, MAX_BATCH, MAX_LINK_LR, MAX_SEED, SPEEDS};

/// Every key this module reads and writes, in the order a new link writes them (other keys in the hash belong to
/// other features). Each is a key of [`crate::settings`].
pub const KEYS: [&str; 22] = [
    table::DATASET.key,
    table::MODEL.key,
    table::OPTIMIZER.key,
    table::LR.key,
    table::MOMENTUM.key,
    table::BATCH_SIZE.key,
    table::LOSS.key,
    table::LABEL_SMOOTHING.key,
    table::CENTER_COEF.key,
    table::GROUPING.key,
    table::LABEL_NOISE.key,
    table::TEST_FRACTION.key,
    table::SEED.key,
    table::WEIGHT_DECAY.key,
    table::SPEED.key,
    table::PAIR.key,
    table::PRESENTATION.key,
    table::SCENE.key,
    table::VIEW.key,
    table::BEST_OF_N.key,
    table::BETA.key,
    table::HIDDEN.key,
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
    /// The scene shown.
    pub scene: Scene,
    /// What the Train scene shows large.
    pub view: TrainView,
    /// The n of best-of-n on the "Use the model" scene (a power of 2 up to 1024).
    pub n: u64,
    /// The β of π_β on the "Use the model" scene (one of [`crate::policy::default_betas`]).
    pub beta: f64,
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
            scene: Scene::DEFAULT,
            view: DEFAULT_TRAIN_VIEW,
            n: 16,
            beta: 1.0,
            hidden: Vec::new(),
        }
    }
}

/// Reads the hash's values one by one, keeping a notice for each that is refused.
struct Reader<'a> {
    map: &'a HashPairs,
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

    /// `setting`'s number, in its page range.
    fn number(&mut self, setting: &Setting) -> f64 {
        let range = setting.page;
        self.read(
            setting.key,
            setting.default.number(),
            &range.allowed(),
            |s| s.parse().ok().filter(|&v| range.contains(v)),
        )
    }

    /// `setting`'s whole number, in its page range.
    fn whole_number(&mut self, setting: &Setting) -> u64 {
        let range = setting.page;
        self.read(
            setting.key,
            setting.default.whole(),
            &range.allowed(),
            |s| whole(s).filter(|&v| range.contains_whole(v)),
        )
    }

    /// `setting`'s name, one of its page range's choices.
    fn choice(&mut self, setting: &Setting) -> &'static str {
        let choices = setting.page.choices();
        self.read(
            setting.key,
            setting.default.name(),
            &setting.page.allowed(),
            |s| choices.iter().copied().find(|c| *c == s),
        )
    }
}

/// A whole number written in plain digits (no sign, no exponent, no fraction).
fn whole(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 20 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The β of [`crate::policy::default_betas`] nearest `beta` (on a log scale): the page's β slider moves along them.
pub fn nearest_beta(beta: f64) -> f64 {
    let betas = crate::policy::default_betas();
    let target = libm::log10(beta.max(f64::MIN_POSITIVE));
    betas
        .iter()
        .copied()
        .min_by(|a, b| {
            (libm::log10(*a) - target)
                .abs()
                .total_cmp(&(libm::log10(*b) - target).abs())
        })
        .unwrap_or(1.0)
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
    pub fn from_hash(map: &HashPairs) -> (SharedState, Vec<String>) {
        let dc = Config::default();
        let mut r = Reader {
            map,
            notices: Vec::new(),
        };
        let dataset = r.choice(&table::DATASET).to_string();
        let model = r.choice(&table::MODEL);
        let opt = r.choice(&table::OPTIMIZER);
        let loss = r.choice(&table::LOSS);
        let group = r.choice(&table::GROUPING);
        let mut config = Config {
            dataset,
            model: ModelKind::from_name(model).unwrap_or(dc.model),
            optimizer: OptimizerKind::from_name(opt).unwrap_or(dc.optimizer),
            lr: r.number(&table::LR),
            momentum: r.number(&table::MOMENTUM),
            batch_size: r.whole_number(&table::BATCH_SIZE) as usize,
            weight_decay: r.number(&table::WEIGHT_DECAY),
            seed: r.whole_number(&table::SEED),
            test_fraction: r.number(&table::TEST_FRACTION),
            loss: dc.loss,
            grouping: Grouping::from_name(group).unwrap_or(dc.grouping),
            label_noise: r.number(&table::LABEL_NOISE),
        };
        config.loss.kind = LossKind::from_name(loss).unwrap_or(dc.loss.kind);
        config.loss.center_coef = r.number(&table::CENTER_COEF);
        let eps = match config.loss.kind {
            LossKind::Smooth => table::SMOOTH_LABEL_SMOOTHING,
            _ => table::LABEL_SMOOTHING,
        };
        config.loss.label_smoothing = r.number(&eps);

        let speed = r.choice(&table::SPEED);
        let speed = SPEEDS
            .into_iter()
            .find(|&v| speed_name(v) == speed)
            .unwrap_or(DEFAULT_SPEED);
        let pairs = builtin(&config.dataset).map_or(0, |ds| ds.pairs.len());
        let pair = r.read(
            table::PAIR.key,
            table::PAIR.default.to_string(),
            &format!("a pair number from 0 to {}", pairs.saturating_sub(1)),
            |s| {
                whole(s)
                    .filter(|&v| v < pairs as u64)
                    .map(|v| v.to_string())
            },
        );
        let pair = pair.parse::<usize>().ok();
        let present = r.choice(&table::PRESENTATION) == "1";
        let scene = Scene::from_key(r.choice(&table::SCENE)).unwrap_or(Scene::DEFAULT);
        let view = train_view_from_key(r.choice(&table::VIEW)).unwrap_or(DEFAULT_TRAIN_VIEW);
        let n = r.choice(&table::BEST_OF_N).parse().unwrap_or(16);
        let beta = nearest_beta(r.number(&table::BETA));
        let hidden = match map.get(table::HIDDEN.key) {
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
                    r.notices.push(format!(
                        "{}: {} is not {}; ignored",
                        table::HIDDEN.key,
                        quote(&unknown.join(",")),
                        table::HIDDEN.page.allowed()
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
            if !KEYS.contains(&key.as_str()) && key != "lesson" && key != crate::label::LINK_KEY {
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
            scene,
            view,
            n,
            beta,
            hidden,
        };
        (state, notices)
    }

    /// Writes this state into `map`, replacing this module's keys and leaving every other key (e.g. `lesson`)
    /// where it was.
    pub fn write_to(&self, map: &mut HashPairs) {
        let c = &self.config;
        let values = [
            (table::DATASET, c.dataset.clone()),
            (table::MODEL, c.model.name().to_string()),
            (table::OPTIMIZER, c.optimizer.name().to_string()),
            (table::LR, c.lr.to_string()),
            (table::MOMENTUM, c.momentum.to_string()),
            (table::BATCH_SIZE, c.batch_size.to_string()),
            (table::LOSS, c.loss.kind.name().to_string()),
            (table::LABEL_SMOOTHING, c.loss.label_smoothing.to_string()),
            (table::CENTER_COEF, c.loss.center_coef.to_string()),
            (table::GROUPING, c.grouping.name().to_string()),
            (table::LABEL_NOISE, c.label_noise.to_string()),
            (table::TEST_FRACTION, c.test_fraction.to_string()),
            (table::SEED, c.seed.to_string()),
            (table::WEIGHT_DECAY, c.weight_decay.to_string()),
            (table::SPEED, speed_name(self.speed)),
        ];
        for (setting, v) in values {
            map.set(setting.key, &v);
        }
        match self.pair {
            Some(p) => map.set(table::PAIR.key, &p.to_string()),
            None => map.remove(table::PAIR.key),
        }
        if self.present {
            map.set(table::PRESENTATION.key, "1");
        } else {
            map.remove(table::PRESENTATION.key);
        }
        if self.scene == Scene::DEFAULT {
            map.remove(table::SCENE.key);
        } else {
            map.set(table::SCENE.key, self.scene.key());
        }
        if self.view == DEFAULT_TRAIN_VIEW {
            map.remove(table::VIEW.key);
        } else {
            map.set(table::VIEW.key, train_view_key(self.view));
        }
        if self.n == 16 {
            map.remove(table::BEST_OF_N.key);
        } else {
            map.set(table::BEST_OF_N.key, &self.n.to_string());
        }
        if self.beta == 1.0 {
            map.remove(table::BETA.key);
        } else {
            map.set(table::BETA.key, &crate::format::plain(self.beta));
        }
        if self.hidden.is_empty() {
            map.remove(table::HIDDEN.key);
        } else {
            map.set(table::HIDDEN.key, &self.hidden.join(","));
        }
    }
}

#[cfg(test)]
#[path = "share_tests.rs"]
mod tests;
