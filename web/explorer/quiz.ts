import { request } from './api';
import { h, present } from './dom';
import { type Bilingual, type Lang, pick, t } from './i18n';

/**
 * "Quiz me" on a concept: three questions about it from the API's `quiz`, graded one click at a time by
 * `checkAnswer`. Questions and answers are kept per concept, so switching the language or redrawing the panel
 * keeps the learner's progress; texts come in both languages at once, like everything else on the page.
 */

interface QuizOption {
  id: string;
  text: Bilingual;
}

interface QuizQuestion {
  id: string;
  prompt: Bilingual;
  options: QuizOption[];
}

interface Answer {
  choice: string;
  correct: boolean;
  correctChoice: string;
  explanation: Bilingual;
}

interface Session {
  questions: QuizQuestion[] | null;
  answers: Map<string, Answer>;
  error: string | null;
  busy: boolean;
  /** Draws the section now on the page (the panel may have been redrawn while a request was out). */
  redraw: () => void;
}

const QUESTIONS = 3;

const QUIZ = `query ExplorerQuiz($topic: String!, $count: Int) {
  quiz(topic: $topic, count: $count) {
    id
    promptKo: prompt(lang: KO) promptEn: prompt(lang: EN)
    options { id textKo: text(lang: KO) textEn: text(lang: EN) }
  }
}`;

const CHECK = `query ExplorerCheckAnswer($id: ID!, $choice: String!) {
  checkAnswer(questionId: $id, choice: $choice) {
    correct correctChoice
    explanationKo: explanation(lang: KO) explanationEn: explanation(lang: EN)
  }
}`;

async function loadQuiz(slug: string): Promise<QuizQuestion[]> {
  type Raw = {
    quiz: {
      id: string;
      promptKo: string;
      promptEn: string;
      options: { id: string; textKo: string; textEn: string }[];
    }[];
  };
  const data = await request<Raw>(QUIZ, { topic: slug, count: QUESTIONS });
  return data.quiz.map((q) => ({
    id: q.id,
    prompt: { ko: q.promptKo, en: q.promptEn },
    options: q.options.map((o) => ({ id: o.id, text: { ko: o.textKo, en: o.textEn } })),
  }));
}

async function checkAnswer(id: string, choice: string): Promise<Answer> {
  type Raw = { checkAnswer: { correct: boolean; correctChoice: string; explanationKo: string; explanationEn: string } };
  const { checkAnswer: raw } = await request<Raw>(CHECK, { id, choice });
  return {
    choice,
    correct: raw.correct,
    correctChoice: raw.correctChoice,
    explanation: { ko: raw.explanationKo, en: raw.explanationEn },
  };
}

const sessions = new Map<string, Session>();

function sessionOf(slug: string): Session {
  let session = sessions.get(slug);
  if (!session)
    sessions.set(
      slug,
      (session = { questions: null, answers: new Map(), error: null, busy: false, redraw: () => undefined }),
    );
  return session;
}

function questionView(question: QuizQuestion, index: number, session: Session, lang: Lang): HTMLElement {
  const answer = session.answers.get(question.id);
  const promptId = `quiz-q-${index}`;
  const options = question.options.map((option) => {
    const state = !answer
      ? undefined
      : option.id === answer.correctChoice
        ? 'right'
        : option.id === answer.choice
          ? 'wrong'
          : undefined;
    const button = h(
      'button',
      {
        type: 'button',
        class: `quiz__option${state ? ` quiz__option--${state}` : ''}`,
        'data-option': option.id,
        disabled: Boolean(answer) || session.busy,
        'aria-pressed': answer ? String(option.id === answer.choice) : undefined,
      },
      pick(option.text, lang),
    );
    button.addEventListener('click', () => {
      session.busy = true;
      session.redraw();
      checkAnswer(question.id, option.id)
        .then((result) => session.answers.set(question.id, result))
        .catch((error: Error) => (session.error = error.message))
        .finally(() => {
          session.busy = false;
          session.redraw();
        });
    });
    return h('li', {}, button);
  });
  return h(
    'li',
    { class: 'quiz__question', 'data-id': question.id },
    h('p', { class: 'quiz__prompt', id: promptId }, pick(question.prompt, lang)),
    h('ul', { class: 'plain-list quiz__options', 'aria-labelledby': promptId }, options),
    answer
      ? h(
          'p',
          { class: `quiz__result quiz__result--${answer.correct ? 'right' : 'wrong'}`, role: 'status' },
          h(
            'strong',
            {},
            t(answer.correct ? 'quizRight' : 'quizWrong', lang, {
              answer: pick(question.options.find((o) => o.id === answer.correctChoice)?.text, lang),
            }),
          ),
          ' ',
          pick(answer.explanation, lang),
        )
      : null,
  );
}

/** The quiz section of a concept's panel; it redraws itself as questions load and answers come back. */
export function quizSection(slug: string, lang: Lang): HTMLElement {
  const section = h('section', { class: 'panel__section quiz', 'data-testid': 'quiz' });
  const session = sessionOf(slug);
  const start = () => {
    session.busy = true;
    session.error = null;
    session.answers = new Map();
    session.redraw();
    loadQuiz(slug)
      .then((questions) => (session.questions = questions))
      .catch((error: Error) => (session.error = error.message))
      .finally(() => {
        session.busy = false;
        session.redraw();
      });
  };
  const draw = () => {
    const questions = session.questions;
    const answered = questions ? questions.filter((q) => session.answers.has(q.id)) : [];
    const right = answered.filter((q) => session.answers.get(q.id)!.correct).length;
    const startButton = h(
      'button',
      { type: 'button', class: 'button button--primary quiz__start', disabled: session.busy },
      t(questions ? 'quizAgain' : 'quizStart', lang),
    );
    startButton.addEventListener('click', start);
    section.replaceChildren(
      ...present(
        h('h3', {}, t('quizTitle', lang)),
        !questions ? h('p', { class: 'muted' }, t('quizHelp', lang)) : null,
        questions && questions.length === 0 ? h('p', { class: 'muted' }, t('quizNone', lang)) : null,
        questions && questions.length > 0
          ? h(
              'ol',
              { class: 'quiz__questions' },
              questions.map((q, i) => questionView(q, i, session, lang)),
            )
          : null,
        questions && answered.length === questions.length && questions.length > 0
          ? h('p', { class: 'quiz__score', role: 'status' }, t('quizScore', lang, { right, total: questions.length }))
          : null,
        session.busy ? h('p', { class: 'muted', role: 'status' }, t('loading', lang)) : null,
        session.error ? h('p', { class: 'note', role: 'alert' }, session.error) : null,
        startButton,
      ),
    );
  };
  session.redraw = draw;
  draw();
  return section;
}
