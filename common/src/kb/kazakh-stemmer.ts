// A light suffix-stripping stemmer for Kazakh (Cyrillic), so that the knowledge-base search finds "зейнетақы"
// when a citizen types "зейнетақыны" or "зейнетақысын". PostgreSQL has no Kazakh dictionary; Russian is stemmed there.
//
// Design. A Kazakh noun is root + (derivation) + plural + possessive + case, so a pass takes endings off from
// the outside in, at most one per slot: case, possessive, plural. Every suffix is tried only after the sounds
// it really follows (-та after a voiceless consonant, -да after a vowel or a voiced one, -н/-на/-нда only after
// the 3rd-person possessive -ы/-і), which keeps "карта" or "доллар" from losing letters that merely look like
// endings. Nothing is stripped when fewer than three letters, or no vowel, would remain. Each pass then applies
// three normalisations that make the base form and the inflected forms meet without a dictionary:
//   - a vowel + "с" or "н" at the end loses the consonant: "кеңесі" may be кеңес+і or кеңе+сі, "органы" орган+ы
//     or орга+ны, and both readings must give one stem (кеңес, кеңесі → "кеңе"; орган, органы → "орга");
//   - a final ы/і goes: it is either the 3rd-person possessive or a stem vowel that the possessive -сы/-сі
//     follows (зейнетақы, зейнетақысы → "зейнетақ");
//   - a final б, г, ғ becomes п, к, қ, undoing the voicing before a vowel (кітабы → "кітап", көмегі → "көмек").
// Passes repeat until nothing changes, because a root may itself end like a suffix (Қазақстан, почта, тұрғын):
// its inflected forms lose the real suffixes first and must then lose the look-alike as the base form does.
// Stems are match keys, not words; they need only be equal for forms of one word and differ between words.
//
// Deliberately left alone:
//   - derivational suffixes (-лық/-лік/-дық/-тық, -шы/-ші, -сыз, -ым/-ім): in official texts they make different
//     concepts — әкім (the akim) and әкімдік (the akimat), азамат and азаматтық (citizenship, civil), оқу (study)
//     and оқушы (pupil), білім (education) and біл- (know) — and conflating them costs more precision than it gains;
//   - the 1st and 2nd person singular possessives (-м/-ым/-ім, -ң/-ың/-ің) and the dative -а/-е that follows them:
//     they are rare in reference texts and queries but look exactly like the nominal -ым/-ім (төлем, шешім, бөлім)
//     and like roots ending in -ң (заң); the polite and plural forms (-ңыз/-ңіз, -мыз/-міз) are stripped;
//   - verb conjugation: queries and articles name things; the verbal noun in -у (тіркеу, төлеу) is kept whole.
// Known limits: words of one or two letters never meet their inflections (іс/ісі); the normalisations can merge
// unrelated roots (табыс "income" and тап "class" → "тап", кіріс/кір, тегін "free"/тек "only" → "тек"); a
// vowel dropped inside the root (орын/орны, ауыз/аузы) is not restored; Russian words are not this stemmer's business.

const MIN_STEM = 3;
const VOWELS = new Set("аәеёиоөуұүыіэюя");
const VOICELESS = new Set("пфкқтсшщхһцч");
const DEVOICED: Record<string, string> = { б: "п", г: "к", ғ: "қ" };

type Sound = (letter: string) => boolean;

const vowel: Sound = (c) => VOWELS.has(c);
const voiceless: Sound = (c) => VOICELESS.has(c);
const voiced: Sound = (c) => c !== "" && !VOWELS.has(c) && !VOICELESS.has(c);
const consonant: Sound = (c) => c !== "" && !VOWELS.has(c);
const vowelOrVoiced: Sound = (c) => vowel(c) || voiced(c);
const vowelOrNasal: Sound = (c) => vowel(c) || "мнң".includes(c);
const afterPossessive: Sound = (c) => c === "ы" || c === "і";
const nasalOrPossessive: Sound = (c) => "мнң".includes(c) || afterPossessive(c);
const liquidOrVowel: Sound = (c) => vowel(c) || c === "р" || c === "й";

interface Rule {
  suffix: string;
  after: Sound;
}

// Longest suffix first, so "-дағы" wins over "-ы" and "-менен" over "-мен".
function slot(groups: [Sound, string[]][]): Rule[] {
  const rules = groups.flatMap(([after, suffixes]) => suffixes.map((suffix) => ({ suffix, after })));
  return rules.sort((a, b) => b.suffix.length - a.suffix.length);
}

const CASE = slot([
  [afterPossessive, ["ндағы", "ндегі", "нда", "нде", "на", "не", "н"]],
  [vowelOrVoiced, ["дағы", "дегі", "дан", "ден", "да", "де", "ға", "ге", "менен", "мен"]],
  [voiceless, ["тағы", "тегі", "тан", "тен", "та", "те", "тың", "тің", "ты", "ті", "қа", "ке", "пенен", "пен", "қы", "кі"]],
  [voiced, ["дың", "дің", "ды", "ді", "бенен", "бен", "ғы", "гі"]],
  [vowelOrNasal, ["ның", "нің"]],
  [vowel, ["ны", "ні"]],
  [nasalOrPossessive, ["нан", "нен"]],
]);

const POSSESSIVE = slot([
  [consonant, ["ымыз", "іміз", "ыңыз", "іңіз", "ы", "і"]],
  [vowel, ["мыз", "міз", "ңыз", "ңіз", "сы", "сі"]],
]);

const PLURAL = slot([
  [liquidOrVowel, ["лар", "лер"]],
  [voiced, ["дар", "дер"]],
  [voiceless, ["тар", "тер"]],
]);

function isStem(s: string): boolean {
  return s.length >= MIN_STEM && [...s].some(vowel);
}

function stripOne(word: string, rules: readonly Rule[]): string {
  for (const { suffix, after } of rules) {
    if (!word.endsWith(suffix)) {
      continue;
    }
    const stem = word.slice(0, -suffix.length);
    if (isStem(stem) && after(stem.slice(-1))) {
      return stem;
    }
  }
  return word;
}

function dropLast(word: string, when: (last: string, before: string) => boolean): string {
  const stem = word.slice(0, -1);
  return when(word.slice(-1), stem.slice(-1)) && isStem(stem) ? stem : word;
}

// One pass from the outside in: case, possessive, plural, then the normalisations that make forms meet.
function stripPass(word: string): string {
  let stem = stripOne(stripOne(stripOne(word, CASE), POSSESSIVE), PLURAL);
  stem = dropLast(stem, (last, before) => (last === "с" || last === "н") && vowel(before));
  stem = dropLast(stem, (last) => last === "ы" || last === "і");
  const devoiced = DEVOICED[stem.slice(-1)];
  return devoiced === undefined ? stem : stem.slice(0, -1) + devoiced;
}

/** Stem of a lower-case Kazakh word, for matching its inflected forms; not itself a word. */
export function stemKazakh(word: string): string {
  if (word.length < MIN_STEM) {
    return word;
  }
  // Passes repeat until nothing changes: a root may end like a suffix (Қазақстан, тұрғын, почта), and its
  // inflected forms, which lose the real suffixes first, must then lose the look-alike too.
  let stem = word.toLowerCase();
  for (let previous = ""; previous !== stem; ) {
    previous = stem;
    stem = stripPass(stem);
  }
  return stem;
}
