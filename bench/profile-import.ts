// Profiling aid: runs one import in this thread (the writer still gets its own).
// npx tsx bench/profile-import.ts <new.vlw> <file.csv> check|commit <worker script>
// Prints: rows accepted, wall ms, ms per stage, CPU ms of the process (all threads), peak RSS MB.
import { runImport } from '../electron/services/import/run-import';
import { openWorkspaceDatabase } from '../electron/db/connection';
const [ws, file, mode, script] = process.argv.slice(2) as [string, string, 'check' | 'commit', string];
openWorkspaceDatabase(ws, { mode: 'create' }).close();
const t = performance.now();
const cpu = process.cpuUsage();
const stages: Record<string, number> = {}; let st = ''; let s0 = 0;
const r = await runImport({ workspace: ws, file, options: {}, mode, onPreviousImport: 'skip', strict: false }, { sqlite: {}, workerScript: script, progress: (s) => { if (s !== st) { const n = performance.now(); if (st) stages[st] = n - s0; st = s; s0 = n; } }, shouldStop: () => false });
stages[st] = performance.now() - s0;
const used = process.cpuUsage(cpu);
console.log(r.accepted, Math.round(performance.now() - t), JSON.stringify(Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v)]))), 'cpu', Math.round((used.user + used.system) / 1000), 'rss', Math.round(process.resourceUsage().maxRSS / 1024));
