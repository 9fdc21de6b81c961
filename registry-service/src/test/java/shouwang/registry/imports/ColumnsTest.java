package shouwang.registry.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import shouwang.kit.security.Placement;
import shouwang.registry.cadre.Cadre;
import shouwang.registry.cadre.CadreDtos.CadreInput;
import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.LivingArrangement;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;
import shouwang.registry.cadre.Codes.SelfCare;
import shouwang.registry.cadre.Codes.SpecialCategory;

/** Reading import rows, without Quarkus: headers in Chinese or English, values as codes or Chinese labels. */
class ColumnsTest {

    private static final String CHINESE = "姓名,性别,出生日期,身份证号,离退休类型,职级,是否党员,原单位编码,社区编码,网格编码,居住情况,自理能力,特殊群体,联系电话";
    private static final String ENGLISH = "name,gender,birthDate,idNumber,retirementType,rank,partyMember,unitCode,"
            + "communityCode,gridCode,livingArrangement,selfCare,specialCategories,phone";

    private static Columns columns(String header) {
        List<RowError> errors = new ArrayList<>();
        Columns columns = Columns.of(new Spreadsheet.Line(1, List.of(header.split(",", -1))), errors);
        assertNotNull(columns, errors.toString());
        return columns;
    }

    private static Spreadsheet.Line line(String cells) {
        return new Spreadsheet.Line(2, List.of(cells.split(",", -1)));
    }

    @Test
    void chineseHeadersAndLabelsBecomeTheCadresCodes() {
        List<RowError> errors = new ArrayList<>();
        CadreInput input = columns(CHINESE).input(
                line("王建国,男,1938-10-02,110101193810021235,离休,正县级,是,DW,SQ1,SQ1-WG1,独居,部分自理,孤寡;残疾,13800000000"),
                null, errors);

        assertEquals(List.of(), errors);
        assertEquals("王建国", input.name());
        assertEquals(Gender.MALE, input.gender());
        assertEquals(LocalDate.of(1938, 10, 2), input.birthDate());
        assertEquals("110101193810021235", input.idNumber());
        assertEquals(RetirementType.LIXIU, input.retirementType());
        assertEquals(Rank.COUNTY_CHIEF, input.rank());
        assertTrue(input.partyMember());
        assertEquals(new Placement("SQ1", "SQ1-WG1", "DW"), input.placement());
        assertEquals(LivingArrangement.ALONE, input.livingArrangement());
        assertEquals(SelfCare.PARTIAL, input.selfCare());
        assertEquals(EnumSet.of(SpecialCategory.WIDOWED_CHILDLESS, SpecialCategory.DISABLED), input.specialCategories());
        assertEquals("13800000000", input.phone());
    }

    @Test
    void englishHeadersTakeCodesInAnyCase() {
        List<RowError> errors = new ArrayList<>();
        CadreInput input = columns(ENGLISH.toUpperCase()).input(
                line("刘桂兰,female,1930-02-28,X,tuixiu,SECTION_DEPUTY,false,DW,SQ1,,WITH_CAREGIVER,none,SERIOUS_ILLNESS,"),
                null, errors);

        assertEquals(List.of(), errors);
        assertEquals(Gender.FEMALE, input.gender());
        assertEquals(RetirementType.TUIXIU, input.retirementType());
        assertEquals(Rank.SECTION_DEPUTY, input.rank());
        assertFalse(input.partyMember());
        assertNull(input.gridCode());
        assertEquals(SelfCare.NONE, input.selfCare());
        assertEquals(Set.of(SpecialCategory.SERIOUS_ILLNESS), input.specialCategories());
        assertNull(input.phone());
    }

    @Test
    void otherWordingsOfTheLabelsAreReadToo() {
        Columns columns = columns("姓名,身份证号,离退休,是否党员,居住情况,自理能力,特殊群体");
        List<RowError> errors = new ArrayList<>();
        CadreInput input = columns.input(line("甲,X,退休,群众,空巢,半自理,特困；子女在外地、重病"), null, errors);

        assertEquals(List.of(), errors);
        assertEquals(RetirementType.TUIXIU, input.retirementType());
        assertFalse(input.partyMember());
        assertEquals(LivingArrangement.COUPLE_ONLY, input.livingArrangement());
        assertEquals(SelfCare.PARTIAL, input.selfCare());
        assertEquals(EnumSet.of(SpecialCategory.EXTREME_HARDSHIP, SpecialCategory.SERIOUS_ILLNESS,
                SpecialCategory.CHILDREN_AWAY), input.specialCategories());
        for (String yes : List.of("是", "true", "YES", "y", "1", "党员", "中共党员")) {
            assertTrue(columns.input(line("甲,X,," + yes), null, errors).partyMember(), yes);
        }
        for (String no : List.of("否", "False", "no", "n", "0", "非党员")) {
            assertFalse(columns.input(line("甲,X,," + no), null, errors).partyMember(), no);
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void datesAreReadInTheUsualChineseSpellingsAndAsSpreadsheetSerials() {
        Columns columns = columns("姓名,身份证号,出生日期");
        for (String date : List.of("1938-10-02", "1938/10/2", "1938.10.2", "19381002", "1938年10月2日", "14155")) {
            List<RowError> errors = new ArrayList<>();
            assertEquals(LocalDate.of(1938, 10, 2), columns.input(line("甲,X," + date), null, errors).birthDate(), date);
            assertEquals(List.of(), errors, date);
        }
    }

    @Test
    void aValueThatCannotBeReadIsOneErrorOfItsRowAndField() {
        List<RowError> errors = new ArrayList<>();
        CadreInput input = columns(CHINESE).input(
                line("张三,男的,1938-13-40,X,离职,正县级,也许,DW,SQ1,,独居,完全自理,孤寡;外星人,"), null, errors);

        assertNull(input.gender());
        assertNull(input.birthDate());
        assertNull(input.retirementType());
        assertNull(input.partyMember());
        assertEquals(EnumSet.of(SpecialCategory.WIDOWED_CHILDLESS), input.specialCategories());
        assertEquals(List.of(
                new RowError(2, "gender", "'男的' must be one of MALE/男, FEMALE/女"),
                new RowError(2, "birthDate", "'1938-13-40' is not a date (YYYY-MM-DD)"),
                new RowError(2, "retirementType", "'离职' must be one of LIXIU/离休, TUIXIU/退休"),
                new RowError(2, "partyMember", "'也许' must be 是/否 (true/false)"),
                new RowError(2, "specialCategories", "unknown [外星人]: must be one of WIDOWED_CHILDLESS/孤寡, "
                        + "EXTREME_HARDSHIP/特困, DISABLED/残疾, SERIOUS_ILLNESS/重病, CHILDREN_AWAY/子女在外地")),
                errors);
    }

    @Test
    void aReImportKeepsWhatItsFileLeavesOutAndClearsWhatItLeavesBlank() {
        Cadre current = new Cadre();
        current.name = "王建国";
        current.gender = Gender.MALE;
        current.rank = Rank.COUNTY_CHIEF;
        current.partyMember = true;
        current.placement = new Placement("SQ1", "SQ1-WG1", "DW");
        current.phone = "13800000000";
        current.specialCategories = EnumSet.of(SpecialCategory.DISABLED);
        List<RowError> errors = new ArrayList<>();

        CadreInput input = columns("name,idNumber,communityCode,gridCode,phone")
                .input(line("王建国,X,SQ2,,13912345678"), current, errors);

        assertEquals(List.of(), errors);
        assertEquals(new Placement("SQ2", null, "DW"), input.placement());
        assertEquals("13912345678", input.phone());
        assertEquals(Gender.MALE, input.gender());
        assertEquals(Rank.COUNTY_CHIEF, input.rank());
        assertTrue(input.partyMember());
        assertEquals(EnumSet.of(SpecialCategory.DISABLED), input.specialCategories());
    }

    @Test
    void headersAreMatchedWithoutBomStarsOrSpacesAndUnknownColumnsAreIgnored() {
        List<RowError> errors = new ArrayList<>();
        Columns columns = Columns.of(new Spreadsheet.Line(1, List.of("\uFEFF*姓名", " 身份证号码 ", "籍贯")), errors);
        assertNotNull(columns);
        assertEquals("110101193810021235", columns.idNumber(List.of("甲", " 110101193810021235 ", "北京")));
    }

    @Test
    void aHeaderWithoutNameOrIdNumberIsAnErrorPerMissingColumn() {
        List<RowError> errors = new ArrayList<>();

        assertNull(Columns.of(new Spreadsheet.Line(3, List.of("性别", "电话")), errors));

        assertEquals(List.of(new RowError(3, "name", "missing column name"),
                new RowError(3, "idNumber", "missing column idNumber")), errors);
    }
}
