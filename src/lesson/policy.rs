//! What the "Label" and "Use the model" scenes show, reduced to what the cards read: the labels given and the class
//! read; the chosen n and β and, once the scene has computed them for the shown model, both policies' gains over
//! π_ref and where gold peaks.

use crate::policy::Optimization;

/// KL and the gains over π_ref of one policy at one setting.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Gains {
    /// KL(π ‖ π_ref) in nats.
    pub kl: f64,
    /// E_π[learned reward] − E_π_ref[learned reward].
    pub proxy: f64,
    /// E_π[gold] − E_π_ref[gold].
    pub gold: f64,
}

/// Both policies at the chosen n and β, and where gold peaks along each.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PolicyNumbers {
    /// Best-of-n at the chosen n.
    pub best_of_n: Gains,
    /// π_β at the chosen β.
    pub kl_regularized: Gains,
    /// The n whose gold is highest.
    pub best_of_n_peak_n: u64,
    /// Best-of-n at that n.
    pub best_of_n_peak: Gains,
    /// The β whose gold is highest.
    pub kl_peak_beta: f64,
    /// The model scores every candidate of a prompt alike (a fresh model), so neither policy leaves π_ref.
    pub flat: bool,
}

impl PolicyNumbers {
    /// The numbers of `opt` at `n` and `beta` (each taken at the nearest point of its curve, as the scene's
    /// sliders only stop on those points); `None` for empty curves.
    pub fn new(opt: &Optimization, n: u64, beta: f64) -> Option<PolicyNumbers> {
        let r = opt.reference;
        let gains = |o: crate::policy::Outcome| Gains {
            kl: o.kl,
            proxy: o.proxy - r.proxy,
            gold: o.gold - r.gold,
        };
        let distance = |a: f64, b: f64| (libm::log(a) - libm::log(b)).abs();
        let bon = opt.best_of_n.iter().min_by(|a, b| {
            distance(a.n as f64, n as f64).total_cmp(&distance(b.n as f64, n as f64))
        })?;
        let kl = opt
            .kl_regularized
            .iter()
            .min_by(|a, b| distance(a.beta, beta).total_cmp(&distance(b.beta, beta)))?;
        let bon_peak = opt.best_of_n.get(opt.best_of_n_peak)?;
        let kl_peak = opt.kl_regularized.get(opt.kl_peak)?;
        Some(PolicyNumbers {
            best_of_n: gains(bon.outcome),
            kl_regularized: gains(kl.outcome),
            best_of_n_peak_n: bon_peak.n,
            best_of_n_peak: gains(bon_peak.outcome),
            kl_peak_beta: kl_peak.beta,
            flat: opt.is_flat(),
        })
    }
}

/// The scene's settings and, once computed for the shown model, its numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyView {
    /// Best-of-n's n.
    pub n: u64,
    /// π_β's β.
    pub beta: f64,
    /// `None` while the scene has nothing for the shown model (not computed yet, or a data set without gold).
    pub numbers: Option<PolicyNumbers>,
}

impl Default for PolicyView {
    /// The page's defaults (a fresh link's n and β), nothing computed.
    fn default() -> PolicyView {
        let shared = crate::share::SharedState::default();
        PolicyView {
            n: shared.n,
            beta: shared.beta,
            numbers: None,
        }
    }
}

/// The Label scene: the learner's labels, the run on them, and the class's codes as last read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelView {
    /// Labels given so far (of [`LabelView::total`]).
    pub given: usize,
    /// Steps of the session: the pairs and the repeats.
    pub total: usize,
    /// Labels that say A or B (not "Can't tell") on a pair's first showing: the pairs a run on them trains on.
    pub decided: usize,
    /// A run on the learner's labels exists and was trained on the labels as they are now.
    pub trained_on_current: bool,
    /// Self-consistency on the repeated pairs, once one was decided both times.
    pub consistency: Option<f64>,
    /// Labelers in the class's codes as last read (0 before any).
    pub class_labelers: usize,
    /// The class's mean pairwise agreement, once defined.
    pub class_agreement: Option<f64>,
}
