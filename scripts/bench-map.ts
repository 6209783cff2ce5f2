/**
 * `npm run bench:map` — how long a year change on the map view takes to redraw, in Chromium.
 *
 * Serves the static export (out/; run `npm run build` first), opens a measure's map view, waits for
 * both maps, then steps the year slider through every year several times. For each step it measures
 * the work that must fit in one frame: the input event and React's update (script), then style and
 * layout (forced by reading layout). Paint is not included (it runs on the compositor). Reports the
 * median, 95th percentile and maximum against the 16 ms frame budget, split into year changes that
 * keep the same boundaries and those that switch to another boundary vintage.
 *
 * Options: --measure s47-enquiries --rounds 5 --port 4180. Chromium from CHROMIUM_PATH or /usr/bin/chromium.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const measure = arg('measure', 's47-enquiries');
const rounds = Number(arg('rounds', '5'));
const port = Number(arg('port', '4180'));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function main() {
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'out', '--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/measures/${measure}/?view=map`);
    await page.getByRole('listbox', { name: /hex/i }).waitFor();
    const shapes = await page.locator('svg[role="listbox"] [data-code]').count();
    await page.waitForTimeout(1500); // let the idle-time projection of every vintage finish
    // Passed as source text: tsx would otherwise add helpers the page does not have.
    const samples = (await page.evaluate(`(async (rounds) => {
      const input = document.querySelector('input[type="range"]');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const min = Number(input.min);
      const max = Number(input.max); // the slider's values are the years themselves
      const out = [];
      for (let r = 0; r < rounds; r++) {
        for (let i = min; i <= max; i++) {
          const from = input.getAttribute('aria-valuetext');
          const t0 = performance.now();
          setter.call(input, String(i));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const t1 = performance.now();
          void document.body.offsetHeight;
          const t2 = performance.now();
          out.push({ step: from + '→' + input.getAttribute('aria-valuetext'), script: t1 - t0, layout: t2 - t1 });
          await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
        }
      }
      return out;
    })(${rounds})`)) as { step: string; script: number; layout: number }[];
    await browser.close();

    // Which steps change the boundary vintage (the shapes change at these data years).
    const vintageYears = new Set(['2019-20', '2020-21', '2021-22', '2023-24']);
    const crosses = (s: string) => [...vintageYears].some((y) => s.endsWith(`→${y}`)) || s.includes('→2009-10');
    const total = samples.map((s) => s.script + s.layout);
    const same = samples.filter((s) => !crosses(s.step)).map((s) => s.script + s.layout);
    const cross = samples.filter((s) => crosses(s.step)).map((s) => s.script + s.layout);
    const row = (name: string, xs: number[]) => `| ${name} | ${xs.length} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`;
    const report = [
      `Map year-change redraw, /measures/${measure}/?view=map, ${shapes} shapes in two maps, Chromium headless (no GPU), ${new Date().toISOString().slice(0, 10)}.`,
      'Time from the slider input to React committed and style/layout done (ms); frame budget 16 ms.',
      '',
      '| year changes | n | median | 95th pct | max |',
      '|---|---:|---:|---:|---:|',
      row('all', total),
      row('same boundaries (recolour only)', same),
      row('new boundary vintage', cross),
      row('… of which script (React)', samples.map((s) => s.script)),
      row('… of which style and layout', samples.map((s) => s.layout)),
      '',
      `Within one frame (≤ 16 ms): ${((100 * total.filter((t) => t <= 16).length) / total.length).toFixed(0)}% of changes.`,
    ].join('\n');
    console.log(report);
    mkdirSync('.budget', { recursive: true });
    writeFileSync('.budget/bench-map.md', report + '\n');
  } finally {
    server.kill();
  }
}

void main();
