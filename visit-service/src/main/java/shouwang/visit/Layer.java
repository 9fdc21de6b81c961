package shouwang.visit;

/**
 * 包保层级: who is responsible for contacting a cadre. STREET (街道) and BUREAU (区委老干部局) act only when an alert
 * escalates to them (levels 2 and 3); they have no routine cadence.
 */
public enum Layer {
    UNIT, COMMUNITY, GRID, NEIGHBOUR, STREET, BUREAU
}
