package shouwang.visit;

/** 包保层级: who is responsible for contacting a cadre. */
public enum Layer {
    UNIT, COMMUNITY, GRID, NEIGHBOUR
}
