package shouwang.registry.cadre;

/**
 * Which party branches exist, for putting a member into one. Declared here and implemented by the party capability,
 * so the dependency points one way (party uses cadre, cadre never names party).
 */
public interface PartyBranches {

    boolean exists(String branchCode);
}
