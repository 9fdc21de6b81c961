/**
 * alert-service: care signals, alerts, the escalation ladder and its policy.
 * <p>
 * One package per capability; dependencies point one way only (ArchitectureTest fails on a cycle):
 * <pre>
 *   cadre  ←  signal  ←  policy → org
 *     ↑         ↑          ↑        ↑
 *     └──── escalation ────┴────────┘
 * </pre>
 * <ul>
 * <li>{@code org}: the org-records read model (who leads a unit or community, a community's street, the street
 * office's and the district bureau's people) and the street officers' communities (kit OrgHierarchy). Depends on
 * nothing here.</li>
 * <li>{@code cadre}: the cadre-profiles read model and the per-cadre lock. Depends on nothing here; newer profiles
 * reach the others as the CDI event {@code ProfilesApplied} (one per batch, a {@code CadreChanged} per cadre), which
 * they observe.</li>
 * <li>{@code signal}: care signals from every path (REST, care-signals, routine lapses, emergency misses, moves of
 * house seen in a profile), their kinds and
 * idempotency. Where an applicable signal goes (raise or join an alert) is the {@code Alerting} interface it declares;
 * escalation implements it, so signal never names escalation.</li>
 * <li>{@code policy}: the versioned escalation policy, the city default and each district's; uses signal for the
 * kinds and org for the districts.</li>
 * <li>{@code escalation}: alerts, the ladder, the deadline watch, the {@code alerts} events and the visits
 * consumer.</li>
 * <li>{@code me}: the cadre's own paths (one-tap help, its alerts); uses signal and escalation, nothing uses it.</li>
 * </ul>
 * Who asks is a {@code shouwang.kit.security.Caller} value the services check (a REST user, or
 * {@code Caller.platform(..)} for consumers), never a callback from the resource.
 */
package shouwang.alert;
