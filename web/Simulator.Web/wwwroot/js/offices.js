// Who will play each office of an exercise being set up: a trainee (a ticked seat), the engine's policy, or nobody
// (policy "none"); and what that leaves undone. The same rule as the engine's (rules 2026.12.2): every office no
// trainee holds is played by the policy, in the states trainees sit for as in the others.
export const ROLES = ["investigator", "prosecutor", "judge", "contact-point", "central-authority"];

/** office ("STATE/role") → "trainee", the policy's name, or "nobody". */
export function whoPlays(states, seats, policy) {
  const held = new Set(seats), plays = new Map();
  for (const state of states)
    for (const role of ROLES) {
      const office = `${state}/${role}`;
      plays.set(office, held.has(office) ? "trainee" : policy === "none" ? "nobody" : policy);
    }
  return plays;
}

/** What setup should warn of before the exercise is created, each in a sentence. */
export function setupWarnings(scenario, plays) {
  const warnings = [];
  const stateOf = to => to.split("/")[0];
  for (const state of scenario.investigating) {
    const idle = ROLES.map(r => `${state}/${r}`).filter(o => plays.get(o) === "nobody");
    if (idle.length === ROLES.length) warnings.push(`${state} investigates, but nobody plays any of its offices: no request will be sent for it.`);
    else if (idle.length) warnings.push(`${state} investigates, and nobody plays ${idle.join(", ")}: what only they may issue will not be sent.`);
  }
  for (const inject of scenario.injects) {
    // An inject to a state reaches all its seats; one to an office, that seat alone (docs/hub.md "Views"). The
    // engine's policy does not read injects.
    const offices = inject.to.flatMap(to => to.includes("/") ? [to] : ROLES.map(r => `${to}/${r}`));
    const expected = expectedActionWarning(inject, offices, plays);
    if (expected) warnings.push(expected);
    if (offices.some(o => plays.get(o) === "trainee")) continue;
    const colleagues = offices.some(o => ROLES.some(r => plays.get(`${stateOf(o)}/${r}`) === "trainee"));
    warnings.push(colleagues
      ? `The inject “${inject.title}” is addressed to ${inject.to.join(", ")}, whom no trainee plays: nobody at the table will read it (change its recipients in the MSEL once the exercise exists, or seat that office).`
      : `The inject “${inject.title}” goes to ${inject.to.join(", ")}, where no trainee sits: nobody at the table will read it.`);
  }
  // An objective nobody able plays: the offices that may issue what it measures (the catalogue's issuers, from the
  // server) are all played by nobody, or, for an answer to an inject, none is a trainee's.
  for (const o of scenario.objectives ?? []) {
    const able = o.offices.filter(office => o.traineesOnly ? plays.get(office) === "trainee" : plays.get(office) !== "nobody");
    if (able.length === 0) warnings.push(o.traineesOnly
      ? `Objective “${o.task}” needs an answer from a trainee of ${[...new Set(o.offices.map(stateOf))].join(", ")}, and none sits there: nobody can meet it.`
      : `Objective “${o.task}” needs a request that only ${o.offices.join(", ") || "no office"} may issue, and nobody plays them: nobody can meet it.`);
  }
  return warnings;
}

/**
 * Whether the instruments an inject expects (its `expects`, with the offices that may issue one: the server's
 * `takers`) can be used: nobody plays any office that may issue them; or the trainees it reaches may not, and will
 * have to refer it to one who may.
 */
function expectedActionWarning(inject, offices, plays) {
  if (!inject.expects?.length) return null;
  const what = inject.expects.join(" or ");
  const played = inject.takers.filter(o => plays.get(o) !== "nobody");
  if (played.length === 0)
    return `The inject “${inject.title}” expects ${what}, which only ${inject.takers.join(", ") || "no office"} may issue, and nobody plays them: nobody can take its expected action.`;
  const readers = offices.filter(o => plays.get(o) === "trainee");
  if (readers.length === 0 || readers.some(o => inject.takers.includes(o))) return null;
  const to = played.map(o => `${o} (${plays.get(o) === "trainee" ? "a trainee" : "played by the engine"})`).join(", ");
  return `The inject “${inject.title}” goes to ${readers.join(", ")}, who may not issue ${what}; the offices that may are ${to}: the trainees will have to refer it.`;
}

export const stateIds = scenario => scenario.countries.map(c => c.split(" ")[0]);
