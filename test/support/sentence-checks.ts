/**
 * Checks for the shapes of generated sentences that went wrong before: articles, capitals mid-sentence, agreement and
 * Korean particles. Each returns the problems it finds as readable lines, so a failing test shows every bad sentence
 * at once. Written independently of src/i18n/sentences: they read the text, they do not rebuild it.
 */

/** "a" before a vowel sound, "an" before a consonant sound, or two articles in a row. */
export function articleProblems(text: string): string[] {
  const problems: string[] = [];
  if (/\b[Aa] (?:[aeio]|OS\b|RUN\b)/.test(text)) problems.push(`"a" before a vowel sound in "${text}"`);
  if (/\b[Aa]n (?:[bcdfgjklmnpqrstvwxyz]|unikernel)/.test(text))
    problems.push(`"an" before a consonant sound in "${text}"`);
  if (/\b(?:a|an|the) (?:a|an|the)\b/i.test(text)) problems.push(`two articles in a row in "${text}"`);
  return problems;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` with every form in `forms` replaced by "X" (longest first). A form is matched as written, or with a capital
 * first letter where a sentence starts, as a sentence capitalises it; a form without its article counts too.
 */
export function withFormsMarked(text: string, forms: readonly string[]): string {
  // "a kind of container" drops the article of "a container": the form without it is the same form.
  const variants = forms.flatMap((f) => [f, f.replace(/^(?:a|an|the) /, '')]);
  let rest = text;
  for (const form of [...new Set(variants)].filter((f) => f.length > 0).sort((a, b) => b.length - a.length)) {
    const capital = escape(form[0].toUpperCase() + form.slice(1));
    rest = rest.replace(new RegExp(`(?<![\\w-])${escape(form)}(?![\\w-])`, 'g'), 'X');
    rest = rest.replace(new RegExp(`(^|[.?!:] )${capital}(?![\\w-])`, 'g'), '$1X');
  }
  return rest;
}

/**
 * A capitalised word inside a sentence that is not part of one of `forms` (the English forms the sentence may use:
 * "the Linux kernel", "Docker"). The first word of each sentence (after ". ", "? ", ": " or the start) may be capitalised.
 */
export function capitalProblems(text: string, forms: readonly string[]): string[] {
  const marked = withFormsMarked(text, forms);
  const problems: string[] = [];
  for (const sentence of marked.split(/(?<=[.?!:])\s+/)) {
    const words = sentence.split(/\s+/).slice(1);
    for (const word of words)
      if (/^["'(]?[A-Z]/.test(word) && word !== 'X' && !/^X\W*$/.test(word))
        problems.push(`"${word}" is capitalised mid-sentence in "${text}"`);
  }
  return problems;
}

/**
 * A verb that does not agree with the form next to it: "is"/"does"/"has" before a plural form or "are"/"do"/"have"
 * before a singular one, the same after a form at the start, and a list ("A and B") followed by a singular verb or by
 * "are a ..." ("are a characteristic of" where several are meant).
 */
export function agreementProblems(
  text: string,
  forms: readonly { form: string; plural: boolean }[],
  allForms: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  for (const { form, plural } of forms) {
    const f = `[${escape(form[0].toLowerCase())}${escape(form[0].toUpperCase())}]${escape(form.slice(1))}`;
    const [wrongBefore, wrongAfter] = plural ? ['is|does|has', 'is|has|does'] : ['are|do|have', 'are|have|do'];
    if (new RegExp(`\\b(?:${wrongBefore}) ${f}(?![\\w-])`).test(text))
      problems.push(`verb before "${form}" does not agree in "${text}"`);
    if (new RegExp(`^${f} (?:${wrongAfter})\\b`).test(text))
      problems.push(`verb after "${form}" does not agree in "${text}"`);
  }
  const marked = withFormsMarked(text, allForms);
  if (/\bX(?:, X)* and X (?:is|has|does)\b/.test(marked)) problems.push(`a list takes a singular verb in "${text}"`);
  if (/\bX(?:, X)* and X are (?:a|an) /.test(marked))
    problems.push(`a list is counted as one thing ("are a ...") in "${text}"`);
  return problems;
}

/** True when the last Hangul syllable of `word` has a final consonant; null when the word does not end in Hangul. */
export function hasBatchim(word: string): boolean | null {
  const last = word.codePointAt(word.length - 1)!;
  if (last < 0xac00 || last > 0xd7a3) return null;
  return (last - 0xac00) % 28 !== 0;
}

const AFTER_CONSONANT: Record<string, string> = { 는: '은', 가: '이', 를: '을', 와: '과', 로: '으로' };
const AFTER_VOWEL: Record<string, string> = { 은: '는', 이: '가', 을: '를', 과: '와', 으로: '로' };

/** Verbs before a noun ("담고 있는 것", "돕는 것"): their 는 is a verb ending, not the particle 은/는. */
const VERB_FORMS = new Set(['있는', '없는', '돕는', '맞는', '받는', '담는', '얻는', '읽는']);

/** A Korean particle that does not fit the final sound of the Hangul word before it. */
export function particleProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/([가-힣]+)(은|는|이|가|을|를|와|과|으로|로)(?= )/g)) {
    const [, word, particle] = match;
    if (VERB_FORMS.has(`${word}${particle}`)) continue;
    const batchim = hasBatchim(word);
    const last = word[word.length - 1];
    // 로 after ㄹ is right (파일로); 이/가 inside a word (아이, 단계가) is not always a particle: check the pairs only.
    if (
      batchim === true &&
      particle in AFTER_CONSONANT &&
      !(particle === '로' && (last.codePointAt(0)! - 0xac00) % 28 === 8)
    ) {
      problems.push(
        `"${word}${particle}" in "${text}": after a final consonant it should be ${AFTER_CONSONANT[particle]}`,
      );
    }
    if (batchim === false && particle in AFTER_VOWEL && !['이', '가'].includes(particle)) {
      problems.push(`"${word}${particle}" in "${text}": after a vowel it should be ${AFTER_VOWEL[particle]}`);
    }
  }
  return problems;
}

/** 이/가, 은/는, 을/를, 와/과, (으)로 and (이)라는 straight after one of `names`, the form that fits its last syllable. */
export function namedParticleProblems(text: string, names: readonly string[]): string[] {
  const problems: string[] = [];
  for (const name of names) {
    const batchim = hasBatchim(name);
    if (batchim === null) continue;
    const rieul = (name.codePointAt(name.length - 1)! - 0xac00) % 28 === 8;
    for (const match of text.matchAll(
      new RegExp(`${escape(name)}(이라는|라는|으로|로|은|는|이|가|을|를|와|과)(?=[ ?.])`, 'g'),
    )) {
      const particle = match[1];
      const fits = batchim
        ? ['이라는', '은', '이', '을', '과', '으로'].includes(particle) || (rieul && particle === '로')
        : ['라는', '는', '가', '를', '와', '로'].includes(particle);
      if (!fits) problems.push(`"${name}${particle}" in "${text}" does not fit the last syllable of "${name}"`);
    }
  }
  return problems;
}
