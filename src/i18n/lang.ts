import { Lang, type Bilingual } from '../graph/vocabulary';

/**
 * The language a request prefers, from its Accept-Language header (quality values respected). Korean or English;
 * anything else, or no header, means English.
 */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return Lang.EN;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'ko' || tag.startsWith('ko-')) return Lang.KO;
    if (tag === 'en' || tag.startsWith('en-')) return Lang.EN;
  }
  return Lang.EN;
}

/** The text in the wanted language, falling back to the other one, so a missing translation is never null. */
export function pick(ko: string | null | undefined, en: string | null | undefined, lang: Lang): string | null {
  const first = lang === Lang.KO ? ko : en;
  const second = lang === Lang.KO ? en : ko;
  return first || second || null;
}

/** Same as pick() for a Bilingual value. */
export function pickText(text: Bilingual, lang: Lang): string {
  return pick(text.ko, text.en, lang) ?? '';
}
