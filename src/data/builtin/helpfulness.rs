//! `helpfulness`: everyday questions, each with four answers ranked helpful > vague > off-topic > rude.
//! Lesson: K = 4 ranked answers give C(4, 2) = 6 pairs per prompt, and each kind of answer has words a
//! bag-of-words model can learn (hedges for vague, "anyway" for off-topic, "yourself" for rude).

use crate::data::{Dataset, Record};

/// One-line description.
pub const DESCRIPTION: &str =
    "12 prompts, 4 ranked answers each: helpful > vague > off-topic > rude";

/// (prompt, [helpful, vague, off-topic, rude]).
const RANKINGS: &[(&str, [&str; 4])] = &[
    (
        "How long should I boil an egg for a firm yolk?",
        [
            "Put the egg in boiling water for about 10 minutes, then cool it in cold water for 2 minutes so it peels easily.",
            "It depends on the egg, maybe longer, maybe shorter. Hard to say really.",
            "Speaking of eggs, some chickens lay blue ones. Anyway, my favourite breakfast is pancakes.",
            "Seriously? Everyone knows this. Look it up yourself and stop wasting my time.",
        ],
    ),
    (
        "What should I pack in a carry-on bag for a weekend trip?",
        [
            "Pack two outfits, a toothbrush, a phone charger and your ID, then put liquids under 100 ml in a clear bag for security.",
            "It depends on where you go. Maybe some clothes, maybe not. Hard to say.",
            "Trips remind me of the toy train set I had as a kid. Anyway, model trains are a fun hobby.",
            "Obviously you pack what you need. Figure it out yourself, this is not my problem.",
        ],
    ),
    (
        "How do I reverse a list in Python?",
        [
            "Call items.reverse() to reverse the list in place, or write items[::-1] to get a new reversed copy.",
            "There are maybe a few ways. It depends on what you want. Hard to say which one.",
            "Python is also the name of a snake. By the way, snakes sleep with their eyes open.",
            "Read the documentation yourself. This is a lazy question and a waste of my time.",
        ],
    ),
    (
        "How can I fall asleep faster?",
        [
            "Keep the same bedtime every night, put screens away an hour before bed, and keep the room cool and dark.",
            "It depends on the person. Maybe try something, maybe not. Hard to say what works.",
            "Sleep makes me think of my cat, who naps all afternoon. Anyway, cats are great pets.",
            "Just close your eyes, obviously. Stop bothering me with such silly questions.",
        ],
    ),
    (
        "How do I start an emergency fund?",
        [
            "Open a separate savings account, then set up an automatic transfer of a fixed amount each payday until it covers about three months of expenses.",
            "It depends on your situation. Maybe save some money, maybe a lot. Hard to say.",
            "Money reminds me of a film about a bank robbery I watched last week. By the way, the ending was great.",
            "If you can't work that out yourself, nobody can help you. Not my problem.",
        ],
    ),
    (
        "Why is the sky blue?",
        [
            "Sunlight scatters off air molecules, and blue light scatters much more than red because its wavelength is shorter, so blue reaches your eyes from every direction.",
            "It depends on the weather, maybe. Something about light. Hard to say exactly.",
            "The sea is blue too. Anyway, I went sailing last summer and the food on the boat was excellent.",
            "Everyone learned this in school. Look it up yourself instead of wasting my time.",
        ],
    ),
    (
        "How often should I water tomato plants?",
        [
            "Water them deeply two or three times a week, at the base of the plant in the morning, so the soil stays moist but not soaked.",
            "It depends on many things. Maybe often, maybe not. Hard to say.",
            "Tomatoes are technically a fruit. By the way, my neighbour grows giant pumpkins for a contest.",
            "Obviously when they are dry. Stop wasting my time with this.",
        ],
    ),
    (
        "How do I start running as a beginner?",
        [
            "Go out three times a week and alternate one minute of jogging with two minutes of walking, then add a little more jogging each week.",
            "It depends on your fitness. Maybe run a bit, maybe walk. Hard to say.",
            "Running reminds me of the marathon on television. Anyway, my favourite sport to watch is tennis.",
            "Just run, obviously. It is not complicated, figure it out yourself.",
        ],
    ),
    (
        "How can I unclog a slow kitchen drain?",
        [
            "Pour a kettle of boiling water down the drain, then half a cup of baking soda and a cup of vinegar; wait 15 minutes and flush with hot water again.",
            "It depends on the clog. Maybe use something, maybe call someone. Hard to say.",
            "Kitchens remind me of my grandmother's recipes. By the way, her apple pie was famous in town.",
            "Not my problem. Deal with your own drain yourself and stop bothering me.",
        ],
    ),
    (
        "What is a good way to learn new words in a foreign language?",
        [
            "Review flashcards for 15 minutes a day with spaced repetition, then use each new word in a sentence you say out loud.",
            "It depends on the language. Maybe flashcards, maybe something else. Hard to say.",
            "Languages make me think of my holiday in Portugal. Anyway, the beaches there are beautiful.",
            "Just memorize them, obviously. What a silly question, look it up yourself.",
        ],
    ),
    (
        "How do I check my car's tire pressure?",
        [
            "Remove the valve cap, press a tire gauge firmly onto the valve, read the number, then compare it with the pressure printed inside the driver's door.",
            "It depends on the car. Maybe use a tool, maybe ask someone. Hard to say.",
            "Cars remind me of a road trip I took years ago. By the way, the music on that trip was fantastic.",
            "Read the manual yourself. Stop wasting my time with such basic questions.",
        ],
    ),
    (
        "How should I prepare for an exam in two weeks?",
        [
            "Make a schedule that covers each topic, then answer practice questions every day and review your mistakes the next morning.",
            "It depends on the exam. Maybe study a lot, maybe a little. Hard to say.",
            "Exams remind me of my old school's football team. Anyway, we won the league that year.",
            "You should have started earlier, obviously. Not my problem, figure it out yourself.",
        ],
    ),
];

/// Builds the data set: one ranking record per prompt.
pub fn build() -> Dataset {
    let records = RANKINGS
        .iter()
        .map(|(prompt, answers)| Record::Ranking {
            prompt: prompt.to_string(),
            ranking: answers.iter().map(|a| a.to_string()).collect(),
        })
        .collect();
    super::from_valid_records("helpfulness", DESCRIPTION, records)
}
