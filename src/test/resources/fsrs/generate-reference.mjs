// Generates reference.json, the FSRS-6 values FsrsReferenceTest replays, from the
// open-spaced-repetition TypeScript implementation (ts-fsrs).
//
//   mkdir -p /tmp/fsrsref && cd /tmp/fsrsref && npm init -y && npm i ts-fsrs@5.4.2
//   node /path/to/generate-reference.mjs > /path/to/reference.json
//
// ts-fsrs is loaded from the working directory's node_modules. Every review time is written out,
// so the test replays exactly what was scheduled here.
import { createRequire } from 'node:module';

const require = createRequire(process.cwd() + '/');
const f = require('ts-fsrs');

const START = new Date('2022-11-29T12:30:00Z');
const DAY = 86400000;
const MINUTE = 60000;

const APP = { learning: ['10m'], relearning: ['10m'] };
const DEFAULT = { learning: ['1m', '10m'], relearning: ['10m'] };
const NONE = { learning: [], relearning: [] };

// Each review: [rating, when]; when is 'due' (at the card's due time), 'due+Nd' (N days late),
// 'due-Nd' (N days early, not before the last review), '+Nm' or '+Nd' (after the last review).
const G = 'Good', A = 'Again', H = 'Hard', E = 'Easy';
const all = (rating, n, when = 'due') => Array.from({ length: n }, () => [rating, when]);

const scenarios = [
  { name: 'py-fsrs test_review_card (default steps)', steps: DEFAULT,
    reviews: [G, G, G, G, G, G, A, A, G, G, G, G, G].map((r) => [r, 'due']) },
  { name: 'all Good, default steps', steps: DEFAULT, reviews: all(G, 12) },
  { name: 'all Good, app steps', steps: APP, reviews: all(G, 12) },
  { name: 'all Good, no steps', steps: NONE, reviews: all(G, 12) },
  { name: 'all Easy, app steps', steps: APP, reviews: all(E, 8) },
  { name: 'all Hard, app steps', steps: APP, reviews: all(H, 10) },
  { name: 'all Again, app steps', steps: APP, reviews: all(A, 6) },
  { name: 'Again/Good mix, app steps', steps: APP,
    reviews: [A, G, G, A, G, H, G, A, A, G, E, G].map((r) => [r, 'due']) },
  { name: 'Again/Good mix, default steps', steps: DEFAULT,
    reviews: [A, A, G, H, G, G, A, H, G, G, E, A, G].map((r) => [r, 'due']) },
  { name: 'Hard/Easy, app steps', steps: APP,
    reviews: [H, H, E, H, E, E, H, E, H].map((r) => [r, 'due']) },
  { name: 'Hard/Easy, no steps', steps: NONE,
    reviews: [H, E, H, E, A, H, E, E].map((r) => [r, 'due']) },
  { name: 'long gaps, app steps', steps: APP,
    reviews: [[G, 'due'], [G, 'due'], [G, 'due+30d'], [E, 'due+200d'], [A, 'due+400d'],
      [G, 'due'], [G, 'due+90d'], [H, 'due+10d'], [G, 'due']] },
  { name: 'early and same-day reviews, app steps', steps: APP,
    reviews: [[G, 'due'], [G, 'due'], [G, 'due-2d'], [H, '+3m'], [G, '+1d'], [E, '+2m'],
      [A, 'due-1d'], [H, '+5m'], [G, '+20m'], [G, 'due']] },
  { name: 'retention 0.8, app steps', steps: APP, retention: 0.8, reviews: all(G, 10) },
  { name: 'retention 0.97, app steps', steps: APP, retention: 0.97,
    reviews: [G, G, A, G, G, H, G, E].map((r) => [r, 'due']) },
  { name: 'maximum interval 60, app steps', steps: APP, maximumInterval: 60, reviews: all(E, 8) },
  { name: 'py-fsrs test_memo_state (default steps)', steps: DEFAULT,
    reviews: [[A, '+0d'], [G, '+0d'], [G, '+1d'], [G, '+3d'], [G, '+8d'], [G, '+21d']] },
  { name: 'fuzz, app steps', steps: APP, fuzz: true, cardId: 'T1#U1#demo-basic',
    reviews: [...all(G, 10), [A, 'due'], [G, 'due'], ...all(E, 4)] },
  { name: 'fuzz, default steps, late reviews', steps: DEFAULT, fuzz: true, cardId: 'T9#U42#q-7',
    reviews: [[G, 'due'], [G, 'due'], [G, 'due+3d'], [H, 'due+20d'], [G, 'due'], [E, 'due+100d'],
      [G, 'due'], [G, 'due']] },
  { name: 'fuzz, maximum interval 30, app steps', steps: APP, fuzz: true, maximumInterval: 30,
    cardId: 'T1#U2#serverless-cold-start', reviews: all(E, 8) },
];

function at(when, card, last) {
  if (when === 'due') return new Date(card.due.getTime());
  let m = /^due([+-])(\d+)d$/.exec(when);
  if (m) {
    const t = card.due.getTime() + (m[1] === '+' ? 1 : -1) * Number(m[2]) * DAY;
    return new Date(Math.max(t, last ? last.getTime() : t));
  }
  m = /^\+(\d+)([md])$/.exec(when);
  if (m) return new Date(last.getTime() + Number(m[1]) * (m[2] === 'm' ? MINUTE : DAY));
  throw new Error('bad when ' + when);
}

function run(s) {
  const params = f.generatorParameters({
    request_retention: s.retention ?? 0.9,
    maximum_interval: s.maximumInterval ?? 36500,
    enable_fuzz: !!s.fuzz,
    enable_short_term: true,
    learning_steps: s.steps.learning,
    relearning_steps: s.steps.relearning,
  });
  const scheduler = f.fsrs(params);
  if (s.cardId) scheduler.useStrategy(f.StrategyMode.SEED, f.GenSeedStrategyWithCardId('card_id'));
  let card = { ...f.createEmptyCard(START), card_id: s.cardId };
  let last = null;
  const out = [];
  for (const [rating, when] of s.reviews) {
    const now = last === null ? new Date(START.getTime()) : at(when, card, last);
    const next = scheduler.next(card, now, f.Rating[rating]).card;
    out.push({
      rating,
      at: now.toISOString(),
      state: f.State[next.state],
      step: next.learning_steps,
      stability: next.stability,
      difficulty: next.difficulty,
      reps: next.reps,
      lapses: next.lapses,
      scheduledDays: next.scheduled_days,
      due: next.due.toISOString(),
      retrievabilityAtDue: scheduler.get_retrievability(next, next.due, false),
    });
    card = { ...next, card_id: s.cardId };
    last = now;
  }
  return {
    name: s.name,
    retention: s.retention ?? 0.9,
    maximumInterval: s.maximumInterval ?? 36500,
    learningSteps: s.steps.learning,
    relearningSteps: s.steps.relearning,
    fuzz: !!s.fuzz,
    cardId: s.cardId ?? null,
    reviews: out,
  };
}

const w = [...f.default_w];
const retrievability = [];
for (const s of [0.1, 1, 2.3065, 10, 53.6, 400]) {
  for (const t of [0, 1, 3, 10, 30, 365]) {
    retrievability.push({ t, s, r: f.forgetting_curve(w, t, s) });
  }
}
const intervals = [];
for (const retention of [0.7, 0.8, 0.9, 0.95, 0.97]) {
  const alg = f.fsrs({ request_retention: retention, maximum_interval: 36500, enable_fuzz: false });
  for (const s of [0.5, 1, 2.3065, 8.2956, 20, 100, 1000]) {
    intervals.push({ s, retention, days: alg.next_interval(s, 0) });
  }
}
const fuzzRanges = [];
for (const [interval, elapsed, max] of [[3, 0, 36500], [5, 2, 36500], [7, 0, 36500], [12, 5, 36500],
  [20, 0, 36500], [25, 30, 36500], [100, 40, 36500], [400, 0, 36500], [400, 0, 180], [50, 60, 36500]]) {
  const r = f.get_fuzz_range(interval, elapsed, max);
  fuzzRanges.push({ interval, elapsed, maximumInterval: max, min: r.min_ivl, max: r.max_ivl });
}
const fuzzedIntervals = [];
for (const [seed, ivl, elapsed] of [['T1#U1#demo-basic3', 12, 3], ['x1', 30, 0], ['T9#U42#q-7', 200, 90],
  ['abc', 3, 0], ['', 8, 2]]) {
  const alg = f.fsrs({ enable_fuzz: true, maximum_interval: 36500 });
  alg.seed = seed;
  fuzzedIntervals.push({ seed, interval: ivl, elapsed, fuzzed: alg.apply_fuzz(ivl, elapsed) });
}

console.log(JSON.stringify({
  generator: 'generate-reference.mjs',
  tsFsrs: /^v(\S+)/.exec(f.FSRSVersion)[1],
  fsrsVersion: f.FSRSVersion,
  w,
  scenarios: scenarios.map(run),
  retrievability,
  intervals,
  fuzzRanges,
  fuzzedIntervals,
}, null, 1));
