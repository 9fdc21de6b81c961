package shouwang.registry;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A district of generated cadres with exact, chosen marginals, as a Chinese-header import CSV. Rank, party
 * membership and sex are spread over the age bands by different permutations, so the marginals are independent.
 */
public final class GeneratedCadres {

    static final String[] RANK_LABELS = { "正县级", "副县级", "正科级", "副科级", "其他" };
    /** Age bands in the order 90+, 80-89, 70-79, 60-69, <60: youngest age of each. */
    static final int[] BAND_FROM = { 90, 80, 70, 60, 50 };

    /** @param ranks COUNTY_CHIEF, COUNTY_DEPUTY, SECTION_CHIEF, SECTION_DEPUTY, OTHER; @param bands 90+ … <60 */
    public record Marginals(int total, int party, int women, int[] ranks, int[] bands) {

        /** The seed figures: 1,687 retirees on 2019-12-31 (70+ = 48.5%). */
        public static final Marginals SEED = new Marginals(1687, 1307, 518, new int[] { 8, 57, 409, 522, 691 },
                new int[] { 14, 263, 541, 683, 186 });

        public Marginals times(int factor) {
            int[] r = ranks.clone();
            int[] b = bands.clone();
            for (int i = 0; i < 5; i++) {
                r[i] *= factor;
                b[i] *= factor;
            }
            return new Marginals(total * factor, party * factor, women * factor, r, b);
        }
    }

    private GeneratedCadres() {
    }

    public static final String HEADER = "姓名,性别,出生日期,身份证号,离退休类型,职级,是否党员,原单位编码,社区编码,网格编码,居住情况,自理能力,特殊群体,联系电话";

    /** Cadres aged as the marginals say on {@code asOf}, placed round-robin in the given communities (no grid). */
    public static String csv(Marginals m, LocalDate asOf, String unitCode, String areaCode, String... communities) {
        StringBuilder csv = new StringBuilder(m.total() * 120).append(HEADER).append('\n');
        Map<String, Integer> perBirthAndSex = new HashMap<>();
        int n = m.total();
        for (int i = 0; i < n; i++) {
            int band = bucket(i, m.bands());
            int rank = bucket((int) ((long) i * 7919 % n), m.ranks());
            boolean party = (long) i * 104729 % n < m.party();
            boolean woman = (long) i * 15485863 % n < m.women();
            int age = BAND_FROM[band] + (i % 10);
            // day 0 is the birthday itself: the calendar age turns on that very day
            LocalDate birth = asOf.minusYears(age).minusDays(i % 365);
            String key = birth + (woman ? "F" : "M");
            int count = perBirthAndSex.merge(key, 1, Integer::sum) - 1;
            String idNumber = TestData.idNumber(areaCode, birth, (count % 500) * 2 + (woman ? 0 : 1));
            csv.append("干部").append(i).append(',').append(woman ? "女" : "男").append(',').append(birth).append(',')
                    .append(idNumber).append(',').append(i % 20 == 0 ? "离休" : "退休").append(',')
                    .append(RANK_LABELS[rank]).append(',').append(party ? "是" : "否").append(',').append(unitCode)
                    .append(',').append(communities[i % communities.length]).append(",,")
                    .append(i % 7 == 0 ? "独居" : "与家人同住").append(',').append(i % 11 == 0 ? "部分自理" : "完全自理")
                    .append(',').append(i % 13 == 0 ? "孤寡" : "").append(',')
                    .append(13800000000L + i % 100000000).append('\n');
        }
        return csv.toString();
    }

    private static int bucket(int index, int[] counts) {
        int edge = 0;
        for (int b = 0; b < counts.length; b++) {
            edge += counts[b];
            if (index < edge) {
                return b;
            }
        }
        throw new IllegalArgumentException("index beyond the marginals");
    }
}
