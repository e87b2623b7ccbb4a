//! The lesson's cards, in order: from one reward to a trained reward model, and what a policy does with it.
//!
//! Every number a card quotes about the page is a `{placeholder}` filled from the live state; the numbers written
//! out are facts of the InstructGPT paper or of the built-in data sets.

use super::checks::*;
use super::{Card, Panel, Setup, START};
use crate::train::Grouping;

/// The cards, in lesson order.
pub const CARDS: [Card; 18] = [
    Card {
        title: "A reward model gives one number",
        body: "A reward model reads a prompt and one response and answers with a single number, the reward. \
               InstructGPT's reward model is its fine-tuned language model with the last layer swapped for a head \
               that outputs one number. Here two rewards stand for two answers to the same prompt: the better \
               answer has r_better = {better}, the worse one r_worse = {worse}.",
        task: "Drag the r_better slider (or type into its box) to give the better answer another reward.",
        panel: Panel::Explorer,
        target: "r-better-slider",
        pace: None,
        setup: Setup::Rewards(START.0, START.1),
        policy: None,
        done: better_moved,
        hint: better_moved_hint,
    },
    Card {
        title: "People only compare",
        body: "Nobody tells the model what reward an answer deserves. Labelers read several answers to one prompt \
               and say which is better. So all that can be judged is one number per pair, the gap \
               Δ = r_better − r_worse. It is now {gap}: {gap_reading}.",
        task: "Change the rewards until the better answer scores higher than the worse one (Δ > 0).",
        panel: Panel::Explorer,
        target: "r-better-slider",
        pace: None,
        setup: Setup::Rewards(-0.5, 1.0),
        policy: None,
        done: gap_positive,
        hint: gap_positive_hint,
    },
    Card {
        title: "Part 1: the sigmoid",
        body: "The loss first passes Δ through the sigmoid σ(Δ) = 1 / (1 + e^−Δ). Whatever the gap, σ(Δ) lies \
               between 0 and 1, and it is read as the model's probability that a labeler prefers the better answer \
               (the Bradley–Terry model). Equal rewards give exactly ½. Now Δ = {gap} and σ(Δ) = {sigmoid}.",
        task: "Make σ(Δ) at least 0.9.",
        panel: Panel::Explorer,
        target: "chart-sigmoid",
        pace: None,
        setup: Setup::Rewards(0.5, 0.5),
        policy: None,
        done: sigmoid_reached,
        hint: sigmoid_reached_hint,
    },
    Card {
        title: "Part 2: the log",
        body: "Next comes the logarithm: log σ(Δ) = {log_sigmoid}. Because σ(Δ) is below 1, its log is below 0. \
               The log comes close to 0, its largest value, only when σ(Δ) comes close to 1; as σ(Δ) shrinks \
               toward 0 the log falls without bound. Watch the Part 2 chart.",
        task: "Make Δ negative and see how far log σ(Δ) falls.",
        panel: Panel::Explorer,
        target: "chart-log",
        pace: None,
        setup: Setup::Rewards(2.0, 0.0),
        policy: None,
        done: gap_negative,
        hint: gap_negative_hint,
    },
    Card {
        title: "Part 3: times −1, the loss",
        body: "Last, multiply by −1: loss = −log σ(Δ). Now the number is never negative, and smaller is better, \
               which is what an optimizer wants to minimize. Your loss is {loss} at Δ = {gap}. Equal rewards cost \
               ln 2; a pair ranked the wrong way costs about −Δ.",
        task: "Bring the loss below 0.05.",
        panel: Panel::Explorer,
        target: "chart-loss",
        pace: None,
        setup: Setup::Rewards(0.0, 0.0),
        policy: None,
        done: loss_low,
        hint: loss_low_hint,
    },
    Card {
        title: "No target rewards, only differences",
        body: "The loss never says that a good answer needs a positive reward or a bad one a negative reward. It \
               sees only Δ. Add the same c to both rewards and Δ stays {gap}, the loss stays {loss}. The model is \
               free to place all rewards higher or lower; InstructGPT later adds a bias so that the labelers' own \
               answers average a reward of 0.",
        task: "Type a number c into \"Shift both by c\" and press \"Add c to both\".",
        panel: Panel::Explorer,
        target: "shift-c",
        pace: None,
        setup: Setup::Rewards(1.0, -1.0),
        policy: None,
        done: shifted_both,
        hint: shifted_both_hint,
    },
    Card {
        title: "Confident pairs stop pulling",
        body: "Training follows the gradient. For one pair dloss/dΔ = −σ(−Δ), so the pair pulls its rewards apart \
               with weight σ(−Δ), now {pull}. A pair ranked the wrong way pulls with a weight near 1; a pair ranked \
               right by a wide gap hardly moves the model. The weight reaches 0 only in the limit, so on data it \
               can rank perfectly the model keeps widening its gaps.",
        task: "Widen the gap until the pull σ(−Δ) (the ∂loss/∂r_worse row) is below 0.01.",
        panel: Panel::Explorer,
        target: "chart-gradient",
        pace: None,
        setup: Setup::Rewards(-1.0, 1.0),
        policy: None,
        done: pull_small,
        hint: pull_small_hint,
    },
    Card {
        title: "Train a reward model",
        body: "Below is a real, tiny reward model: one weight per word, every reward starting at 0. It trains on \
               {train_pairs} pairs from the helpfulness data set. One step computes the loss on a batch of pairs \
               and moves every weight a little against the gradient. At step {step} the training loss is \
               {train_loss}.",
        task: "Press Step (or the → key) once.",
        panel: Panel::Training,
        target: "step",
        pace: None,
        setup: Setup::Run {
            dataset: "helpfulness",
            grouping: Grouping::Prompts,
            steps: 0,
        },
        policy: None,
        done: stepped,
        hint: stepped_hint,
    },
    Card {
        title: "Watch the gaps grow",
        body: "Accuracy is the share of training pairs whose better answer gets the higher reward: {accuracy} at \
               step {step}, with a loss of {train_loss}. While the run plays, the live charts show every pair's gap \
               growing and its dot climbing the σ curve, fast at first and then more slowly, as confident pairs \
               pull less.",
        task: "Press Play (or Step) until the training accuracy reaches 100 %.",
        panel: Panel::Training,
        target: "live-gaps",
        pace: Some(1.0),
        setup: Setup::Keep {
            dataset: "helpfulness",
        },
        policy: None,
        done: all_ranked_right,
        hint: all_ranked_right_hint,
    },
    Card {
        title: "Rankings, one prompt at a time",
        body: "InstructGPT's labelers ranked K = 4 to 9 answers at once, and a ranking of K answers holds \
               C(K,2) pairs. Those pairs share answers, so they are not independent: shuffled as separate \
               examples they made the model overfit after one pass. So all of a prompt's pairs form one batch \
               element, each pair weighted 1/C(K,2). Right now one batch element is {unit}; the training set has \
               {train_units} of them ({train_pairs} pairs), so one epoch takes {steps_per_epoch} steps.",
        task: "Switch \"Batch elements\" to shuffled pairs and see the epoch change.",
        panel: Panel::Training,
        target: "set-grouping",
        pace: None,
        setup: Setup::Run {
            dataset: "helpfulness",
            grouping: Grouping::Prompts,
            steps: 0,
        },
        policy: None,
        done: shuffled_pairs,
        hint: shuffled_pairs_hint,
    },
    Card {
        title: "Labelers disagree",
        body: "Real preferences are noisy. InstructGPT's labelers agreed with each other about 73 % of the time; \
               its 6B reward model predicted the training labelers' choices with 72.4 % accuracy and held-out \
               labelers' with 69.6 %. The noisy-labels data set flips 27 % of its labels on purpose. At epoch \
               {epoch} the training accuracy is {accuracy}.",
        task: "Press Play and let the run go for at least 20 epochs.",
        panel: Panel::Training,
        target: "live-accuracy",
        pace: Some(5.0),
        setup: Setup::Run {
            dataset: "noisy-labels",
            grouping: Grouping::Prompts,
            steps: 0,
        },
        policy: None,
        done: epochs_done,
        hint: epochs_done_hint,
    },
    Card {
        title: "What comes next",
        body: "A trained reward model stands in for the labelers: it scores answers nobody has ranked. InstructGPT \
               then trains the supervised fine-tuned model with reinforcement learning (PPO) to write answers this \
               reward model scores high. Before that, a bias shifts every reward so the labelers' demonstrations \
               average 0. This run is at step {step} with loss {train_loss} and accuracy {accuracy}.",
        task: "Press \"Normalize rewards\": the better answers' rewards now average 0, and the loss and accuracy stay.",
        panel: Panel::Training,
        target: "normalize",
        pace: None,
        setup: Setup::Run {
            dataset: "helpfulness",
            grouping: Grouping::Prompts,
            steps: 10,
        },
        policy: None,
        done: normalized,
        hint: normalized_hint,
    },
    Card {
        title: "Be the labeler",
        body: "Nobody writes down what reward an answer deserves: people compare two answers and say which is \
               better. Now you are the labeler. Each pair shows a prompt and two answers in a random order; pick \
               the better one, or say you can't tell. A few pairs come back later with the sides swapped. You have \
               labeled {labels_given} of {labels_total}.",
        task: "Label 10 pairs: click or tap an answer, or press 1 (A), 2 (B) or 0 (can't tell).",
        panel: Panel::Label,
        target: "label-a",
        pace: None,
        setup: Setup::Nothing,
        policy: None,
        done: labeled_ten,
        hint: labeled_ten_hint,
    },
    Card {
        title: "Train on your labels",
        body: "Every pair you labeled A or B becomes a training pair, the answer you picked as chosen; a pair you \
               could not tell gives nothing to learn. A reward model of your labels learns your taste, slips \
               included: where you answered a repeated pair both ways, no model can agree with you twice.",
        task: "Under My labels, press \"Train on my labels\" and compare its held-out accuracy with your own \
               consistency.",
        panel: Panel::Label,
        target: "label-train",
        pace: None,
        setup: Setup::Nothing,
        policy: None,
        done: trained_on_labels,
        hint: trained_on_labels_hint,
    },
    Card {
        title: "How much does a class agree?",
        body: "InstructGPT's labelers agreed with each other on about 73 % of comparisons, and a reward model \
               trained on their labels cannot agree with them much more often. A class finds its own number \
               without a server: everyone sends their code, one person pastes them all under Class. No class at \
               hand? Add three example labelers. Read so far: {class_labelers} labelers.",
        task: "Under Class, read the codes of at least 3 labelers (classmates', yours or the examples).",
        panel: Panel::Label,
        target: "class-examples",
        pace: None,
        setup: Setup::Nothing,
        policy: None,
        done: class_read,
        hint: class_read_hint,
    },
    Card {
        title: "The reward model as a judge",
        body: "A trained reward model can score answers nobody ranked. Each prompt of the padding data set has a \
               pool of candidate answers mixing facts, filler and flattery; π_ref, the policy before RLHF, picks \
               one by chance. Best-of-n draws n of them and keeps the one the reward model scores highest. The \
               page also knows each answer's true quality, gold; the reward model does not. At n = {n}, the \
               learned reward (proxy) gains {bon_proxy} over π_ref, gold {bon_gold}.",
        task: "Raise n to 16 (each notch of the n slider doubles it) and watch both gains grow.",
        panel: Panel::Use,
        target: "use-n",
        pace: None,
        setup: Setup::Run {
            dataset: "padding",
            grouping: Grouping::Prompts,
            steps: 40,
        },
        policy: Some((1, 100.0)),
        done: n_raised,
        hint: n_raised_hint,
    },
    Card {
        title: "The KL-regularized optimum",
        body: "PPO does not throw answers away: it trains the policy to maximize the learned reward minus \
               β·KL(π ‖ π_ref), so it stays near where it started. On a fixed pool the optimum is exact: \
               π_β(y) ∝ π_ref(y)·exp(r(y)/β). A large β keeps π_ref; a small β chases the reward. DPO trains this \
               same π_β directly, with the −log σ loss on β·log(π/π_ref). At β = {beta}: KL {kl_kl} nats, proxy \
               {kl_proxy}, gold {kl_gold}.",
        task: "Lower β to 1 or below (each notch divides it by about 1.6) and watch the KL grow.",
        panel: Panel::Use,
        target: "use-beta",
        pace: None,
        setup: Setup::Keep { dataset: "padding" },
        policy: Some((16, 100.0)),
        done: beta_lowered,
        hint: beta_lowered_hint,
    },
    Card {
        title: "Over-optimization",
        body: "The learned reward is only a proxy for what labelers want. Push a policy harder and the proxy keeps \
               climbing, while gold rises, peaks and falls: the policy found what the reward model overrates, \
               here filler and flattery. Gao et al. (2022) measured this on real reward models, against √KL as \
               here. Gold peaks at n = {bon_peak_n}; at n = {n} the proxy promises {bon_proxy}, gold gains \
               {bon_gold}.",
        task: "Raise n past the peak until gold falls below its peak while the proxy still rises.",
        panel: Panel::Use,
        target: "use-gold-proxy",
        pace: None,
        setup: Setup::Keep { dataset: "padding" },
        policy: Some((16, 1.0)),
        done: past_the_peak,
        hint: past_the_peak_hint,
    },
];
