package shouwang.registry.cadre;

import shouwang.registry.cadre.Codes.ContactLayer;

/** A responsible contact (包保人) for one layer: who visits and answers for the cadre. */
public record Contact(ContactLayer layer, String name, String phone, String orgCode) {
}
