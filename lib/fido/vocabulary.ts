/**
 * The tiny model's fixed vocabulary, laid out like T5's SentencePiece pieces, where "▁"
 * marks a preceding space:
 * - 0 <pad>, 1 </s>, 2 <unk>, T5's special ids;
 * - 3 .. MIN_VOCAB_SIZE - 1: "▁" and single characters, so any text can be spelled out;
 * - whole words "▁word" from WORDS, most common first;
 * - generated syllable pieces ("ka", "▁tor", ...) without end. The tokenizer never emits
 *   them, but they let any id a random model outputs decode to readable text.
 * A configuration with vocabulary size V uses ids 0..V-1, and larger ids count as <unk>.
 */

export const PAD_ID = 0;
export const EOS_ID = 1;
export const UNK_ID = 2;

export const SPACE_PIECE = '▁';

/** Single-character pieces after the special ids, the space marker first. */
export const CHARACTERS: readonly string[] = [SPACE_PIECE, ...'abcdefghijklmnopqrstuvwxyz0123456789.,?!\'-:;()"/%&'];

const FIRST_CHARACTER_ID = 3;

/** Smallest vocabulary in which every input text can be tokenized (specials and characters). */
export const MIN_VOCAB_SIZE = FIRST_CHARACTER_ID + CHARACTERS.length;

// Common English words, then the words of the FiD input format and the built-in sample.
const WORD_TEXT = `
the of and to a in is it you that he was for on are with as i his they be at one have this
from or had by not word but what some we can out other were all there when up use your how
said an each she which do their time if will way about many then them write would like so
these her long make thing see him two has look more day could go come did number sound no
most people my over know water than call first who may down side been now find any new work
part take get place made live where after back little only round man year came show every good
me give our under name very through just form sentence great think say help low line differ turn
cause much mean before move right boy old too same tell does set three want air well also play
small end put home read hand port large spell add even land here must big high such follow act
why ask men change went light kind off need house picture try us again animal point mother world
near build self earth father head stand own page should country found answer school grow study
still learn plant cover food sun four between state keep eye never last let thought city tree
cross farm hard start might story saw far sea draw left late run while press close night real
life few north open seem together next white children begin got walk example ease paper group
always music those both mark often letter until mile river car feet care second book carry took
science eat room friend began idea fish mountain stop once base hear horse cut sure watch color
face wood main enough plain girl usual young ready above ever red list though feel talk bird soon
body dog family direct pose leave song measure door product black short numeral class wind
question happen complete ship area half rock order fire south problem piece told knew pass since
top whole king space heard best hour better true during hundred five remember step early hold
west ground interest reach fast verb sing listen six table travel less morning ten simple several
toward war lay against pattern slow center love person money serve appear road map rain rule
govern pull cold notice voice unit power town fine certain fly fall lead cry dark note wait plan
figure star box noun field rest correct able pound done beauty drive stood contain front teach
week final gave green oh quick develop ocean warm free minute strong special mind behind clear
tail produce fact street inch multiply nothing course stay wheel full force blue object decide
surface deep moon island foot system busy test record boat common gold possible plane age dry
wonder laugh thousand ago ran check game shape equate miss brought heat snow tire bring yes
distant fill east paint language among title context passage clock tide maker rope harbour
built engineer taught wall office forty fishing coast northern crews checked dawn hands twelve
twenty minutes hours tides float pipe corrects drifts capital sold homes wrong copied design
brass makers twist fibres strands shed called beside instead height machine working shows
`;

/** Whole-word pieces in id order; duplicates of the text above are dropped. */
export const WORDS: readonly string[] = [...new Set(WORD_TEXT.trim().split(/\s+/))];

const FIRST_WORD_ID = MIN_VOCAB_SIZE;
const FIRST_SYLLABLE_ID = FIRST_WORD_ID + WORDS.length;

const CONSONANTS = 'bcdfghjklmnprstvwyzq';
const VOWELS = 'aeiou';

/** Piece of syllable number n >= 0: even n without, odd n with a leading space marker. */
function syllablePiece(n: number): string {
  let text = n % 2 === 1 ? SPACE_PIECE : '';
  // Base-100 digits, least significant first; each digit is one consonant-vowel syllable.
  let rest = Math.floor(n / 2);
  do {
    const digit = rest % 100;
    text += CONSONANTS[digit % 20] + VOWELS[Math.floor(digit / 20)];
    rest = Math.floor(rest / 100);
  } while (rest > 0);
  return text;
}

const WORD_IDS = new Map(WORDS.map((word, i) => [word, FIRST_WORD_ID + i]));
const CHARACTER_IDS = new Map(CHARACTERS.map((character, i) => [character, FIRST_CHARACTER_ID + i]));

/** Id of the whole-word piece "▁word", or undefined when the word is not in WORDS. */
export function wordId(word: string): number | undefined {
  return WORD_IDS.get(word);
}

/** Id of a single-character piece, or undefined when the character is not in CHARACTERS. */
export function characterId(character: string): number | undefined {
  return CHARACTER_IDS.get(character);
}

/** Text of piece `id`, "▁" marking a space; special ids give "<pad>", "</s>" and "<unk>". */
export function pieceOf(id: number): string {
  if (!Number.isInteger(id) || id < 0) return '<unk>';
  if (id === PAD_ID) return '<pad>';
  if (id === EOS_ID) return '</s>';
  if (id === UNK_ID) return '<unk>';
  if (id < FIRST_WORD_ID) return CHARACTERS[id - FIRST_CHARACTER_ID];
  if (id < FIRST_SYLLABLE_ID) return SPACE_PIECE + WORDS[id - FIRST_WORD_ID];
  return syllablePiece(id - FIRST_SYLLABLE_ID);
}
