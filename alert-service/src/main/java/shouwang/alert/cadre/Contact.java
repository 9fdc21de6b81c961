package shouwang.alert.cadre;

/** A responsible contact of a cadre (包保联系人), as registry publishes it. */
public record Contact(String layer, String name, String phone, String orgCode) {
}
