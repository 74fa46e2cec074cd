import { CHROMIUM, describeWithTool } from '../support/optional-tools';
import { useTestServer } from '../support/server';
import { expectOnlyOwnRequests, type PageDocument, screenshotPath, useBrowser } from './support/browser';
import { withExplorerPage } from './support/explorer';

// Only inside page callbacks, which run in the browser.
declare const document: PageDocument;

describeWithTool(CHROMIUM, 'explorer: quiz me', () => {
  const server = useTestServer();
  const browser = useBrowser(() => server.url);

  it('asks three questions about the concept, grades a click, explains, and keeps the progress across a language switch', () =>
    withExplorerPage(browser, 'concept=docker-kill&lang=en', async (page) => {
      const quiz = page.locator('[data-testid="quiz"]');
      await quiz.locator('.quiz__start').click();
      const questions = quiz.locator('.quiz__question');
      await questions.nth(2).waitFor();
      expect(await questions.count()).toBe(3);

      const shown = await quiz.locator('.quiz__prompt').allInnerTexts();
      expect(shown.every((prompt) => prompt.endsWith('?'))).toBe(true);

      // Answer the first question with its first option: the page marks the right option and says why.
      const first = questions.nth(0);
      const chosen = first.locator('.quiz__option').first();
      const choice = await chosen.getAttribute('data-option');
      await chosen.click();
      await first.locator('.quiz__result').waitFor();
      const right = await first.locator('.quiz__option--right').getAttribute('data-option');
      expect(right).not.toBeNull();
      const result = await first.locator('.quiz__result').innerText();
      expect(result).toMatch(right === choice ? /^Right!/ : /^Not quite/);
      expect(await first.locator('.quiz__option--wrong').count()).toBe(right === choice ? 0 : 1);
      expect(await first.locator('.quiz__option:disabled').count()).toBe(await first.locator('.quiz__option').count());
      await page.screenshot({ path: screenshotPath('explorer-quiz-en') });

      // What the page marks right is what the API grades right for that question.
      const id = await first.getAttribute('data-id');
      const { body } = await server.gql<{ checkAnswer: { correctChoice: string } }>(
        'query ($id: ID!, $choice: String!) { checkAnswer(questionId: $id, choice: $choice) { correctChoice } }',
        { id, choice },
      );
      expect(body.data!.checkAnswer.correctChoice).toBe(right);

      // Korean: the same questions, now in Korean, with the answer still shown.
      await page.locator('#lang-ko').click();
      await page.waitForFunction(() => document.documentElement.lang === 'ko');
      const again = page.locator('[data-testid="quiz"] .quiz__question');
      expect(await again.count()).toBe(3);
      expect(await again.nth(0).locator('.quiz__prompt').innerText()).toMatch(/[가-힣]/);
      expect(await again.nth(0).locator('.quiz__option--right').getAttribute('data-option')).toBe(right);
      expect(await again.nth(0).locator('.quiz__result').innerText()).toMatch(/[가-힣]/);
      await page.screenshot({ path: screenshotPath('explorer-quiz-ko') });
      expectOnlyOwnRequests(browser.network);
    }));
});
