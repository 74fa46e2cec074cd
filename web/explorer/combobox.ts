import { type SearchHit, search } from './api';
import { h, swatch } from './dom';
import { type Lang, kindLabel, pick, t } from './i18n';
import { kindStyle } from './palette';

/**
 * A search box that suggests concepts as the learner types (Korean or English), following the ARIA combobox
 * pattern: the input keeps focus, ↑/↓ move through the suggestions, Enter picks, Escape closes.
 */
export class ConceptCombobox {
  private hits: SearchHit[] = [];
  /** What the last search looked for instead of a misspelled text, shown above the suggestions. */
  private didYouMean: string | null = null;
  private active = -1;
  private timer: number | undefined;
  private inFlight: AbortController | undefined;
  /** The concept last picked; the text in the box may have been edited since. */
  picked: SearchHit | null = null;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly lang: () => Lang,
    private readonly onPick: (hit: SearchHit) => void,
  ) {
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.autocomplete = 'off';
    input.spellcheck = false;
    list.setAttribute('role', 'listbox');
    list.hidden = true;

    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('blur', () => window.setTimeout(() => this.close(), 150));
    input.addEventListener('focus', () => {
      if (this.hits.length > 0 && input.value.trim()) this.open();
    });
    // mousedown rather than click: it fires before the input's blur closes the list.
    list.addEventListener('mousedown', (event) => {
      const suggestion = (event.target as HTMLElement).closest<HTMLElement>('[data-did-you-mean]');
      if (suggestion) {
        event.preventDefault();
        this.input.value = suggestion.dataset.didYouMean!;
        this.schedule();
        return;
      }
      const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
      if (!option) return;
      event.preventDefault();
      this.pick(Number(option.dataset.index));
    });
  }

  /** Shows a concept in the box as if it had been picked (used when the state comes from the URL). */
  setPicked(hit: SearchHit | null): void {
    this.picked = hit;
    this.input.value = hit ? pick(hit.name, this.lang()) : '';
  }

  /** Re-renders the picked name and the open suggestions in the current language. */
  relabel(): void {
    if (this.picked) this.input.value = pick(this.picked.name, this.lang());
    if (!this.list.hidden) this.render();
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    this.picked = null;
    const text = this.input.value.trim();
    if (!text) {
      this.hits = [];
      this.didYouMean = null;
      this.close();
      return;
    }
    this.timer = window.setTimeout(() => void this.run(text), 160);
  }

  private async run(text: string): Promise<void> {
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    this.input.setAttribute('aria-busy', 'true');
    try {
      ({ hits: this.hits, didYouMean: this.didYouMean } = await search(text, this.lang(), controller.signal));
    } catch (error) {
      if (controller.signal.aborted) return;
      this.hits = [];
      this.didYouMean = null;
      this.list.replaceChildren(
        h(
          'li',
          { class: 'combo__empty', role: 'presentation' },
          `${t('error', this.lang())}: ${(error as Error).message}`,
        ),
      );
      this.open();
      return;
    } finally {
      if (this.inFlight === controller) this.input.removeAttribute('aria-busy');
    }
    if (this.input.value.trim() !== text) return;
    this.active = this.hits.length > 0 ? 0 : -1;
    this.render();
    this.open();
  }

  private render(): void {
    const lang = this.lang();
    const other: Lang = lang === 'KO' ? 'EN' : 'KO';
    // Not an option: it names what was searched instead, and a click searches for exactly that.
    const didYouMean = this.didYouMean
      ? h(
          'li',
          { class: 'combo__did-you-mean', role: 'presentation', 'data-did-you-mean': this.didYouMean },
          `${t('didYouMean', lang)} `,
          h('strong', {}, this.didYouMean),
        )
      : null;
    if (this.hits.length === 0) {
      this.list.replaceChildren(h('li', { class: 'combo__empty', role: 'presentation' }, t('noResults', lang)));
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    this.list.replaceChildren(
      ...(didYouMean ? [didYouMean] : []),
      ...this.hits.map((hit, index) => {
        const name = pick(hit.name, lang);
        const otherName = pick(hit.name, other);
        return h(
          'li',
          {
            id: `${this.list.id}-${index}`,
            role: 'option',
            class: 'combo__option',
            'data-index': String(index),
            'data-slug': hit.slug,
            'aria-selected': index === this.active ? 'true' : 'false',
          },
          swatch(kindStyle(hit.kind).color, 'combo__swatch'),
          h(
            'span',
            { class: 'combo__text' },
            h('span', { class: 'combo__name' }, name),
            otherName && otherName !== name
              ? h('span', { class: 'combo__other', lang: other.toLowerCase() }, otherName)
              : null,
            h('span', { class: 'combo__kind' }, kindLabel(hit.kind, lang)),
          ),
        );
      }),
    );
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private move(step: number): void {
    if (this.hits.length === 0) return;
    this.active = (this.active + step + this.hits.length) % this.hits.length;
    this.render();
    this.open();
    document.getElementById(`${this.list.id}-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  private pick(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.setPicked(hit);
    this.close();
    this.onPick(hit);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.isComposing) return; // Korean input methods use Enter and arrows while composing a syllable.
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.move(-1);
        break;
      case 'Enter':
        if (!this.list.hidden && this.hits.length > 0) {
          event.preventDefault();
          this.pick(Math.max(0, this.active));
        }
        break;
      case 'Escape':
        if (!this.list.hidden) {
          event.preventDefault();
          this.close();
        }
        break;
      default:
    }
  }
}
