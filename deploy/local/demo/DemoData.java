import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Loads the demo city (黄冈市) into registry-service through its import endpoints, as a city sets up its districts
 * from spreadsheets: the org records (district 421102 黄州区 with 2 streets, JD001 东城街道 with SQ001-SQ003 and JD002
 * 西城街道 with SQ004-SQ006, and district 421121 团风县 with JD101 团风镇 and SQ101; 10 former units, 21 grids; each
 * district with its bureau's people, the others with their leaders and duty officers) through /imports/orgs, 300
 * retired cadres of 黄州区 and 40 of 团风县 through /imports/cadres, their responsible contacts per layer through
 * /imports/contacts (Chinese-header CSVs), and the bureau record's people through PUT /org/bureau. Then the demo cadre couple of the {@code cadre} login (王建国 and
 * 李淑珍 of SQ001, fixed ids, one household), a party branch in SQ001 and in SQ004 with their party members, and one
 * study session in each whose absentees visit-service turns into 送学上门 tasks. Given volunteer-service's address
 * too, it then sets up SQ001's services there: three providers, two volunteers, six service orders (点单) in every
 * state from 待派单 to 已完成 and 已取消, a 老年大学 class and a 文体队伍 with past sessions' attendance (one cadre
 * absent three times in a row, whom visit-service gives the grid a visit task for).
 *
 * <pre>java deploy/local/demo/DemoData.java http://localhost:8081 "$(deploy/local/token.sh city-admin)" [http://localhost:8084]
 * java deploy/local/demo/DemoData.java --csv > cadres.csv     # only print the cadre import file
 * java deploy/local/demo/DemoData.java --orgs-csv | --contacts-csv  # only print that import file</pre>
 *
 * Deterministic: the same seed and reference date always give the same people, ID numbers and phones,
 * so running it again updates the same cadres (the import matches on 身份证号) instead of adding new ones.
 */
public class DemoData {

    static final long SEED = 20251029L; // 重阳节 2025
    /** Ages are fixed on this date so that the data never changes; the cadres age with the calendar. */
    static final LocalDate REFERENCE = LocalDate.of(2025, 10, 29);
    static final int CADRES = 300;
    /** 团风县's cadres, in its one community: enough for its own statistics, alerts and escalations. */
    static final int SECOND_DISTRICT_CADRES = 40;

    public static void main(String[] args) throws Exception {
        List<District> city = District.city();
        District district = city.get(0);
        District all = District.merged(city);
        People people = new People(new Random(SEED), district);
        List<Cadre> cadres = people.cadres(CADRES);
        // the second district's cadres come after the first's from the same Random, so the first 300 never change
        people.district = city.get(1);
        cadres.addAll(people.cadres(SECOND_DISTRICT_CADRES));
        if (args.length == 1 && args[0].equals("--csv")) {
            System.out.print(csv(cadres));
            return;
        }
        if (args.length == 1 && args[0].equals("--orgs-csv")) {
            System.out.print(orgCsv(city));
            return;
        }
        if (args.length == 1 && args[0].equals("--contacts-csv")) {
            System.out.print(contactCsv(all, cadres));
            return;
        }
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: java DemoData.java <registry-url> <access-token> [<volunteer-url>]   or   "
                    + "java DemoData.java --csv");
            System.exit(2);
        }
        Api api = new Api(args[0].replaceAll("/+$", ""), args[1]);
        try {
            importOrgs(api, city);
            updateBureau(api, district);
            importCadres(api, cadres);
            importContacts(api, all, cadres);
            selfServiceCouple(api, district);
            cityFigures(api, city);
            partyBranches(api, district);
            if (args.length == 3) {
                Volunteering.load(api, new Api(args[2].replaceAll("/+$", ""), args[1]), district);
            }
        } catch (Failure e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    // ------------------------------------------------------------------------------------ the district

    record Contact(String name, String phone) {}

    /** An org record's responsible people: its leader (LEADER) and duty officer (DUTY_OFFICER). */
    record Responsible(Contact leader, Contact dutyOfficer) {}

    record Street(String code, String name, String district, Responsible people) {}

    record Unit(String code, String name, Contact liaison, Responsible people) {}

    record Community(String code, String name, String street, Contact worker, Responsible people) {}

    record Grid(String code, String name, String communityCode, Contact gridWorker) {}

    /** A district (区) of the city with its org records; its bureau is level 3 of the ladder for its cadres. */
    record District(String code, String name, List<Street> streets, List<Unit> units, List<Community> communities,
                    List<Grid> grids, Responsible bureau) {

        /** 黄冈市: 黄州区 (the district every demo login works in) and 团风县 (its own bureau login, district-admin-tf). */
        static List<District> city() {
            District huangzhou = demo();
            return List.of(huangzhou, tuanfeng(huangzhou.units()));
        }

        /** The city's org records as one set: the districts' streets, communities and grids, the units once. */
        static District merged(List<District> districts) {
            List<Street> streets = new ArrayList<>();
            List<Community> communities = new ArrayList<>();
            List<Grid> grids = new ArrayList<>();
            districts.forEach(d -> {
                streets.addAll(d.streets());
                communities.addAll(d.communities());
                grids.addAll(d.grids());
            });
            return new District(null, "黄冈市", streets, districts.get(0).units(), communities, grids, null);
        }

        /** 团风县: one street (团风镇) with one community of three grids; the former units are the city's. */
        static District tuanfeng(List<Unit> cityUnits) {
            Street street = new Street("JD101", "团风镇", "421121", new Responsible(
                    new Contact("胡光明", phone(1397130_1000L, 1)), new Contact("方丽娟", phone(1397130_1000L, 11))));
            Community community = new Community("SQ101", "团风镇正街社区", "JD101", new Contact("汪春燕", phone(1387130_0000L, 201)),
                    new Responsible(new Contact("程志刚", phone(1397130_3000L, 1)), new Contact("余小红", phone(1397130_3000L, 51))));
            String[] gridWorkers = {"蔡文华", "夏秋菊", "熊国安"};
            String[] ordinals = {"第一网格", "第二网格", "第三网格"};
            List<Grid> grids = new ArrayList<>();
            for (int g = 0; g < 3; g++) {
                grids.add(new Grid("SQ101-WG0" + (g + 1), community.name() + ordinals[g], community.code(),
                        new Contact(gridWorkers[g], phone(1587130_0000L, 301 + g))));
            }
            return new District("421121", "团风县", List.of(street), cityUnits, List.of(community), grids,
                    new Responsible(new Contact("邹德华", "13971308001"), new Contact("柳芳", "13971308002")));
        }

        static District demo() {
            String[][] units = {
                {"DW001", "市财政局", "陈志强"}, {"DW002", "市教育局", "周丽娟"}, {"DW003", "市卫生健康委员会", "吴国庆"},
                {"DW004", "市公安局", "郑晓东"}, {"DW005", "市民政局", "孙红霞"}, {"DW006", "市交通运输局", "马俊杰"},
                {"DW007", "市住房和城乡建设局", "朱文斌"}, {"DW008", "市农业农村局", "胡春燕"}, {"DW009", "市审计局", "郭立新"},
                {"DW010", "市人力资源和社会保障局", "何静"},
            };
            String[][] communities = {
                {"SQ001", "和平里社区", "JD001", "李秀兰"}, {"SQ002", "文化路社区", "JD001", "林晓梅"},
                {"SQ003", "建设路社区", "JD001", "高建军"}, {"SQ004", "光明社区", "JD002", "罗玉芬"},
                {"SQ005", "幸福里社区", "JD002", "梁志刚"}, {"SQ006", "新华社区", "JD002", "宋雅琴"},
            };
            String[][] streets = {{"JD001", "东城街道", "赵卫东", "钱国华"}, {"JD002", "西城街道", "孙立平", "李春花"}};
            // leader, duty officer of each unit and community (names only; phones are numbered below)
            String[][] unitPeople = {
                {"王德明", "刘芳"}, {"张建设", "陈红"}, {"杨志远", "黄丽"}, {"赵铁军", "周敏"}, {"吴长青", "徐静"},
                {"孙宏伟", "马丽娜"}, {"朱建华", "胡晓燕"}, {"郭永强", "林娟"}, {"何振东", "罗霞"}, {"高文博", "梁艳"},
            };
            String[][] communityPeople = {
                {"宋国栋", "郑小英"}, {"谢明华", "韩秀梅"}, {"唐建民", "冯丽"}, {"许国平", "邓红霞"},
                {"曹志强", "彭雪梅"}, {"曾宪伟", "肖玉兰"},
            };
            List<Street> streetList = new ArrayList<>();
            for (int s = 0; s < streets.length; s++) {
                streetList.add(new Street(streets[s][0], streets[s][1], "421102", new Responsible(
                        new Contact(streets[s][2], phone(1390531_1000L, 1 + s)),
                        new Contact(streets[s][3], phone(1390531_1000L, 11 + s)))));
            }
            String[] gridWorkers = {
                "王海燕", "谢光辉", "唐丽萍", "许卫国", "韩雪", "冯建平", "邓美玲", "曹永红", "彭国梁",
                "曾小军", "肖桂香", "田志勇", "董秀梅", "袁海波", "潘丽君", "于洪涛", "蒋春梅", "蔡明亮",
            };
            String[] ordinals = {"第一网格", "第二网格", "第三网格"};

            List<Unit> unitList = new ArrayList<>();
            for (int i = 0; i < units.length; i++) {
                unitList.add(new Unit(units[i][0], units[i][1], new Contact(units[i][2], phone(1390531_0000L, 101 + i)),
                        new Responsible(new Contact(unitPeople[i][0], phone(1390531_2000L, 1 + i)),
                                new Contact(unitPeople[i][1], phone(1390531_2000L, 51 + i)))));
            }
            List<Community> communityList = new ArrayList<>();
            List<Grid> gridList = new ArrayList<>();
            for (int c = 0; c < communities.length; c++) {
                String[] row = communities[c];
                communityList.add(new Community(row[0], row[1], row[2], new Contact(row[3], phone(1385310_0000L, 201 + c)),
                        new Responsible(new Contact(communityPeople[c][0], phone(1390531_3000L, 1 + c)),
                                new Contact(communityPeople[c][1], phone(1390531_3000L, 51 + c)))));
                for (int g = 0; g < 3; g++) {
                    int n = c * 3 + g;
                    gridList.add(new Grid(row[0] + "-WG0" + (g + 1), row[1] + ordinals[g], row[0],
                            new Contact(gridWorkers[n], phone(1586402_0000L, 301 + n))));
                }
            }
            Responsible bureau = new Responsible(new Contact("周建明", "13905318001"), new Contact("吴晓丽", "13905318002"));
            return new District("421102", "黄州区", streetList, unitList, communityList, gridList, bureau);
        }

        static String phone(long base, int n) {
            return Long.toString(base + n);
        }
    }

    // -------------------------------------------------------------------------------------- the people

    enum Gender { MALE("男"), FEMALE("女"); final String label; Gender(String l) { label = l; } }

    enum Rank {
        COUNTY_CHIEF("正县级"), COUNTY_DEPUTY("副县级"), SECTION_CHIEF("正科级"), SECTION_DEPUTY("副科级"), OTHER("其他");
        final String label;
        Rank(String l) { label = l; }
    }

    enum Living { ALONE, COUPLE_ONLY, WITH_FAMILY, WITH_CAREGIVER, INSTITUTION }

    enum SelfCare { FULL, PARTIAL, NONE }

    record Cadre(String name, Gender gender, LocalDate birthDate, String idNumber, boolean lixiu, Rank rank,
                 boolean partyMember, String unitCode, String communityCode, String gridCode, Living living,
                 SelfCare selfCare, List<String> special, String phone) {}

    /** Generates believable, internally consistent cadres from one seeded Random. */
    static final class People {
        static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤";
        static final String[] MALE_NAMES = {
            "建国", "国强", "志明", "德胜", "振华", "卫东", "保国", "树林", "永福", "长青", "学军", "新民", "庆丰",
            "福生", "光明", "建华", "金海", "洪亮", "占奎", "殿臣", "景山", "荣华", "文斌", "立新", "援朝", "胜利",
            "和平", "建设", "宝山", "春生", "玉林", "德才", "忠诚", "宪章", "世杰", "瑞祥", "家驹", "兆麟", "鸿儒",
        };
        static final String[] FEMALE_NAMES = {
            "秀英", "桂兰", "玉兰", "淑珍", "凤英", "桂芳", "玉珍", "素芬", "丽华", "红梅", "桂珍", "淑华", "秀珍",
            "美英", "金凤", "玉梅", "春兰", "慧敏", "爱华", "秀云", "淑英", "月娥", "兰英", "翠英", "巧云", "静芳",
        };
        /** Birthplaces: county-level division codes (the first six digits of a 身份证号). */
        static final String[] AREA_CODES = {
            "370102", "370103", "370104", "370105", "370112", "370113", "370114", "370124", "370302", "370602",
            "370702", "371302", "410102", "320106", "130102",
        };
        static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
            "151", "152", "153", "155", "156", "158", "159", "176", "177", "180", "186", "187", "189"};

        final Random random;
        District district;
        final Set<String> names = new HashSet<>();
        final Set<String> idNumbers = new HashSet<>();
        final Set<String> phones = new HashSet<>();

        People(Random random, District district) {
            this.random = random;
            this.district = district;
        }

        List<Cadre> cadres(int count) {
            List<Cadre> cadres = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                cadres.add(next());
            }
            return cadres;
        }

        Cadre next() {
            int age = pick(new int[] {55, 60, 70, 80, 90}, new int[] {8, 30, 30, 22, 10});
            age += random.nextInt(age == 55 ? 5 : 10); // 55..99 on the reference date
            LocalDate birthDate = REFERENCE.minusYears(age).minusDays(1 + random.nextInt(364));
            // 离休: joined the revolution before October 1949, so born by 1933; the very old are mostly men
            boolean lixiu = birthDate.getYear() <= 1933 && random.nextInt(10) < 7;
            Gender gender = random.nextInt(100) < (lixiu ? 85 : age >= 80 ? 65 : 55) ? Gender.MALE : Gender.FEMALE;
            Rank rank = Rank.values()[pick(new int[] {0, 1, 2, 3, 4}, lixiu ? new int[] {15, 25, 35, 15, 10} : new int[] {5, 12, 28, 25, 30})];
            boolean party = lixiu || random.nextInt(100) < 78;

            Unit unit = district.units().get(random.nextInt(district.units().size()));
            Grid grid = district.grids().get(random.nextInt(district.grids().size()));

            Living living = Living.values()[pick(new int[] {0, 1, 2, 3, 4},
                    age >= 85 ? new int[] {14, 18, 38, 20, 10} : new int[] {9, 44, 41, 5, 1})];
            SelfCare selfCare = SelfCare.values()[pick(new int[] {0, 1, 2},
                    age >= 90 ? new int[] {40, 40, 20} : age >= 80 ? new int[] {65, 28, 7} : age >= 70 ? new int[] {85, 13, 2} : new int[] {95, 5, 0})];

            List<String> special = new ArrayList<>();
            if (living == Living.ALONE && random.nextInt(100) < 30) special.add("WIDOWED_CHILDLESS");
            if (random.nextInt(100) < 2) special.add("EXTREME_HARDSHIP");
            if (random.nextInt(100) < (selfCare == SelfCare.NONE ? 40 : 4)) special.add("DISABLED");
            if (random.nextInt(100) < (selfCare == SelfCare.FULL ? 5 : 30)) special.add("SERIOUS_ILLNESS");
            if ((living == Living.ALONE || living == Living.COUPLE_ONLY) && !special.contains("WIDOWED_CHILDLESS")
                    && random.nextInt(100) < 35) special.add("CHILDREN_AWAY");

            return new Cadre(name(gender), gender, birthDate, idNumber(birthDate, gender), lixiu, rank, party,
                    unit.code(), grid.communityCode(), grid.code(), living, selfCare, special, mobile());
        }

        String name(Gender gender) {
            while (true) {
                String[] given = gender == Gender.MALE ? MALE_NAMES : FEMALE_NAMES;
                String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given[random.nextInt(given.length)];
                if (names.add(name)) {
                    return name;
                }
            }
        }

        /** GB 11643-1999: area(6) + birth date(8) + sequence(3, odd for men) + check character. */
        String idNumber(LocalDate birthDate, Gender gender) {
            while (true) {
                int sequence = random.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
                String body = AREA_CODES[random.nextInt(AREA_CODES.length)]
                        + String.format("%04d%02d%02d", birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth())
                        + String.format("%03d", sequence);
                String id = body + checkCharacter(body);
                if (idNumbers.add(id)) {
                    return id;
                }
            }
        }

        static char checkCharacter(String first17) {
            int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (first17.charAt(i) - '0') * weights[i];
            }
            return "10X98765432".charAt(sum % 11);
        }

        String mobile() {
            while (true) {
                String phone = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", random.nextInt(100_000_000));
                if (phones.add(phone)) {
                    return phone;
                }
            }
        }

        int pick(int[] values, int[] weights) {
            int total = 0;
            for (int w : weights) total += w;
            int r = random.nextInt(total);
            for (int i = 0; i < values.length; i++) {
                r -= weights[i];
                if (r < 0) return values[i];
            }
            return values[values.length - 1];
        }
    }

    // ------------------------------------------------------------------------------------------- steps

    static final String ORG_HEADER = "类型,编码,名称,上级编码,领导姓名,领导电话,值班人员姓名,值班人员电话";

    /**
     * The org records as one import file: the districts with their bureau's people, then streets (under their
     * district), units, communities and grids with their people.
     */
    static String orgCsv(List<District> city) {
        StringBuilder csv = new StringBuilder(ORG_HEADER).append('\n');
        city.forEach(d -> csv.append(orgRow("区", d.code(), d.name(), "", d.bureau())));
        District district = District.merged(city);
        district.streets().forEach(s -> csv.append(orgRow("街道", s.code(), s.name(), s.district(), s.people())));
        district.units().forEach(u -> csv.append(orgRow("单位", u.code(), u.name(), "", u.people())));
        district.communities().forEach(c -> csv.append(orgRow("社区", c.code(), c.name(), c.street(), c.people())));
        district.grids().forEach(g -> csv.append(orgRow("网格", g.code(), g.name(), g.communityCode(), null)));
        return csv.toString();
    }

    static String orgRow(String kind, String code, String name, String parent, Responsible people) {
        StringJoiner row = new StringJoiner(",");
        row.add(kind).add(code).add(name).add(parent);
        if (people == null) {
            row.add("").add("").add("").add("");
        } else {
            row.add(people.leader().name()).add(people.leader().phone()).add(people.dutyOfficer().name())
                    .add(people.dutyOfficer().phone());
        }
        return row + "\n";
    }

    static void importOrgs(Api api, List<District> city) throws Exception {
        importFile(api, "orgs", orgCsv(city));
    }

    /**
     * The bureau record (QWLGJ), level 3 for a cadre whose district is unknown: its people through PUT with the
     * version it was read at. Each district's own bureau people come with its 区 row of the org import.
     */
    static void updateBureau(Api api, District district) throws Exception {
        Map<?, ?> bureau = (Map<?, ?>) api.send("GET", "/api/v1/org/bureau", null, null);
        List<Object> people = List.of(
                Json.object("role", "LEADER", "name", district.bureau().leader().name(), "phone", district.bureau().leader().phone()),
                Json.object("role", "DUTY_OFFICER", "name", district.bureau().dutyOfficer().name(), "phone",
                        district.bureau().dutyOfficer().phone()));
        Map<?, ?> updated = (Map<?, ?>) api.send("PUT", "/api/v1/org/bureau", "application/json",
                Json.write(Json.object("name", bureau.get("name"), "people", people, "version", bureau.get("version"))));
        System.out.printf("%-12s %s %s, version %s%n", "bureau", updated.get("code"), updated.get("name"), number(updated.get("version")));
    }

    /** What each district's bureau now sees: its cadres, as the city's statistics count them per district. */
    static void cityFigures(Api api, List<District> city) throws Exception {
        Map<?, ?> statistics = (Map<?, ?>) api.send("GET", "/api/v1/statistics/cadres", null, null);
        Map<?, ?> byDistrict = (Map<?, ?>) statistics.get("byDistrict");
        StringJoiner districts = new StringJoiner(", ");
        for (District d : city) {
            districts.add(d.code() + " " + d.name() + " " + number(byDistrict == null ? null : byDistrict.get(d.code()))
                    + " cadres (login " + (d == city.get(0) ? "district-admin" : "district-admin-tf") + ")");
        }
        System.out.printf("%-12s 黄冈市 %s cadres: %s%n", "city", number(statistics.get("total")), districts);
    }

    static final String CSV_HEADER = "姓名,性别,出生日期,身份证号,离退休类型,职级,是否党员,原单位编码,社区编码,网格编码,居住情况,自理能力,特殊群体,联系电话";

    /** Chinese labels where the contract names one, codes elsewhere (both are accepted). */
    static String csv(List<Cadre> cadres) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Cadre c : cadres) {
            StringJoiner row = new StringJoiner(",");
            row.add(c.name()).add(c.gender().label).add(c.birthDate().toString()).add(c.idNumber())
                    .add(c.lixiu() ? "离休" : "退休").add(c.rank().label).add(c.partyMember() ? "是" : "否")
                    .add(c.unitCode()).add(c.communityCode()).add(c.gridCode())
                    .add(c.living().name()).add(c.selfCare().name()).add(String.join(";", c.special())).add(c.phone());
            csv.append(row).append('\n');
        }
        return csv.toString();
    }

    static void importCadres(Api api, List<Cadre> cadres) throws Exception {
        importFile(api, "cadres", csv(cadres));
    }

    /** Uploads one import file to /imports/{what}, waits for the job and fails on any rejected row. */
    static void importFile(Api api, String what, String file) throws Exception {
        Map<?, ?> started = (Map<?, ?>) api.send("POST", "/api/v1/imports/" + what, "text/csv", file);
        Object id = started.get("id");
        if (id == null) {
            throw new Failure("the import answered without an id: " + started);
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        Map<?, ?> status;
        while (true) {
            status = (Map<?, ?>) api.send("GET", "/api/v1/imports/" + id, null, null);
            if (!"RUNNING".equals(status.get("status")) || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(500);
        }
        System.out.printf("%-12s import %s: %s, processed %s, accepted %s, rejected %s%n", what, id, status.get("status"),
                number(status.get("processed")), number(status.get("accepted")), number(status.get("rejected")));
        if (!"DONE".equals(status.get("status"))) {
            throw new Failure("import " + id + " did not finish: " + status);
        }
        if (number(status.get("rejected")) > 0) {
            List<?> errors = (List<?>) status.get("errors");
            errors.stream().limit(10).forEach(e -> System.err.println("  rejected: " + e));
            throw new Failure("the " + what + " import rejected rows of the demo data (see above)");
        }
    }

    static final String CONTACT_HEADER = "身份证号,层级,姓名,联系电话,机构编码";

    /** Every demo cadre gets its unit's liaison, its community's worker and its grid's grid worker (包保联系人). */
    static String contactCsv(District district, List<Cadre> cadres) {
        Map<String, Unit> units = new LinkedHashMap<>();
        district.units().forEach(u -> units.put(u.code(), u));
        Map<String, Community> communities = new LinkedHashMap<>();
        district.communities().forEach(c -> communities.put(c.code(), c));
        Map<String, Grid> grids = new LinkedHashMap<>();
        district.grids().forEach(g -> grids.put(g.code(), g));
        StringBuilder csv = new StringBuilder(CONTACT_HEADER).append('\n');
        for (Cadre cadre : cadres) {
            Contact liaison = units.get(cadre.unitCode()).liaison();
            Contact worker = communities.get(cadre.communityCode()).worker();
            Contact gridWorker = grids.get(cadre.gridCode()).gridWorker();
            csv.append(String.join(",", cadre.idNumber(), "原单位", liaison.name(), liaison.phone(), cadre.unitCode())).append('\n');
            csv.append(String.join(",", cadre.idNumber(), "社区", worker.name(), worker.phone(), cadre.communityCode())).append('\n');
            csv.append(String.join(",", cadre.idNumber(), "网格", gridWorker.name(), gridWorker.phone(), cadre.gridCode())).append('\n');
        }
        return csv.toString();
    }

    static void importContacts(Api api, District district, List<Cadre> cadres) throws Exception {
        importFile(api, "contacts", contactCsv(district, cadres));
    }

    // ----------------------------------------------------------------- self-service, party branches

    /** The demo cadre of the {@code cadre} login (its {@code cadre_id} in deploy/local/keycloak/shouwang-realm.json). */
    static final String DEMO_CADRE_ID = "5a0e3f1c-7d2b-4c1e-9a6f-2b8d4e6f0a01";
    static final String DEMO_SPOUSE_ID = "5a0e3f1c-7d2b-4c1e-9a6f-2b8d4e6f0a02";

    /**
     * 王建国 and 李淑珍 of SQ001 (两老同住): registered with fixed client ids (a second run finds them), their
     * responsible contacts, and linked as one household.
     */
    static void selfServiceCouple(Api api, District district) throws Exception {
        Community community = district.communities().get(0);
        Grid grid = district.grids().get(0);
        Unit unit = district.units().get(0);
        coupleMember(api, DEMO_CADRE_ID, "王建国", "MALE", "1941-03-18", "370181194103180012", unit, community, grid,
                "13705310188");
        coupleMember(api, DEMO_SPOUSE_ID, "李淑珍", "FEMALE", "1944-07-02", "370181194407020026", unit, community, grid,
                "13705310189");
        api.send("PUT", "/api/v1/cadres/" + DEMO_CADRE_ID + "/household", "application/json",
                Json.write(Json.object("withCadreId", DEMO_SPOUSE_ID)));
        System.out.printf("%-12s 王建国 (login \"cadre\") and 李淑珍, one household in %s%n", "self-service",
                community.code());
    }

    static void coupleMember(Api api, String id, String name, String gender, String birthDate, String idNumber,
            Unit unit, Community community, Grid grid, String phone) throws Exception {
        api.send("POST", "/api/v1/cadres", "application/json", Json.write(Json.object("id", id, "name", name,
                "gender", gender, "birthDate", birthDate, "idNumber", idNumber, "retirementType", "TUIXIU",
                "rank", "COUNTY_DEPUTY", "partyMember", true, "unitCode", unit.code(),
                "communityCode", community.code(), "gridCode", grid.code(), "livingArrangement", "COUPLE_ONLY",
                "selfCare", "FULL", "specialCategories", List.of("CHILDREN_AWAY"), "phone", phone,
                "address", "东城街道和平里小区3号楼2单元101")));
        api.send("PUT", "/api/v1/cadres/" + id + "/contacts", "application/json", Json.write(List.of(
                Json.object("layer", "UNIT", "name", unit.liaison().name(), "phone", unit.liaison().phone(),
                        "orgCode", unit.code()),
                Json.object("layer", "COMMUNITY", "name", community.worker().name(), "phone",
                        community.worker().phone(), "orgCode", community.code()),
                Json.object("layer", "GRID", "name", grid.gridWorker().name(), "phone", grid.gridWorker().phone(),
                        "orgCode", grid.code()))));
    }

    /**
     * A branch (离退休干部综合党支部) in SQ001 and SQ004, every party member of the community in it, and a study session
     * held three days ago that two in three members attended: the others get 送学上门.
     */
    static void partyBranches(Api api, District district) throws Exception {
        for (Community community : List.of(district.communities().get(0), district.communities().get(3))) {
            String code = "DZB-" + community.code();
            api.send("POST", "/api/v1/party-branches", "application/json", Json.write(Json.object("code", code,
                    "name", community.name() + "离退休干部综合党支部", "communityCode", community.code())));
            List<String> members = new ArrayList<>();
            Map<?, ?> page = (Map<?, ?>) api.send("GET", "/api/v1/cadres?size=500&communityCode=" + community.code(),
                    null, null);
            for (Object item : (List<?>) page.get("items")) {
                Map<?, ?> cadre = (Map<?, ?>) item;
                if (Boolean.TRUE.equals(cadre.get("partyMember")) && "ACTIVE".equals(cadre.get("status"))) {
                    String id = (String) cadre.get("id");
                    members.add(id);
                    if (!code.equals(cadre.get("partyBranchCode"))) {
                        api.send("PUT", "/api/v1/cadres/" + id + "/party-branch", "application/json",
                                Json.write(Json.object("branchCode", code)));
                    }
                }
            }
            List<String> attendees = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                if (i % 3 != 2 && !members.get(i).equals(DEMO_CADRE_ID)) {
                    attendees.add(members.get(i));
                }
            }
            String sessionId = java.util.UUID.nameUUIDFromBytes(("demo/study/" + code).getBytes(StandardCharsets.UTF_8))
                    .toString();
            LocalDate heldOn = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(3);
            Map<?, ?> session = (Map<?, ?>) api.send("POST", "/api/v1/party-branches/" + code + "/study-sessions",
                    "application/json", Json.write(Json.object("id", sessionId, "topic", "学习党的二十届四中全会精神",
                            "heldOn", heldOn.toString(), "attendeeIds", attendees)));
            System.out.printf("%-12s %s: %d members, study session %s: %d attended, %d get 送学上门%n", "party",
                    code, members.size(), session.get("heldOn"), ((List<?>) session.get("attendeeIds")).size(),
                    ((List<?>) session.get("absenteeIds")).size());
        }
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    // ------------------------------------------------------------------------- volunteer-service (SQ001)

    /** Providers, volunteers, service orders in every state, and activities with attendance, all in SQ001. */
    static final class Volunteering {

        static String id(String name) {
            return java.util.UUID.nameUUIDFromBytes(("demo/" + name).getBytes(StandardCharsets.UTF_8)).toString();
        }

        static void load(Api registry, Api volunteer, District district) throws Exception {
            Community community = district.communities().get(0);
            List<String> served = List.of(community.code(), district.communities().get(1).code(),
                    district.communities().get(2).code());
            String housekeeping = provider(volunteer, "安心家政服务社", List.of("HOUSEKEEPING", "BATHING", "MEAL_DELIVERY"),
                    served, "0531-86660001", "周红梅");
            String medical = provider(volunteer, "仁和医疗陪护中心", List.of("MEDICAL_ESCORT", "COMPANIONSHIP"), served,
                    "0531-86660002", "陈立新");
            provider(volunteer, "便民维修服务部", List.of("REPAIR"), served, "0531-86660003", "刘建军");

            Map<?, ?> post = (Map<?, ?>) volunteer.send("POST", "/api/v1/posts", "application/json", Json.write(
                    Json.object("id", id("post/elder-help"), "title", "助老服务岗（上门帮办）", "category", "ELDER_HELP",
                            "communityCode", community.code(), "capacity", 20)));
            String postId = (String) post.get("id");
            String volunteerA = claim(volunteer, postId, "claim/1", "赵晓燕", "13953100401");
            claim(volunteer, postId, "claim/2", "孙志强", "13953100402");

            List<String> cadres = new ArrayList<>();
            Map<?, ?> page = (Map<?, ?>) registry.send("GET",
                    "/api/v1/cadres?size=40&status=ACTIVE&communityCode=" + community.code(), null, null);
            for (Object item : (List<?>) page.get("items")) {
                String cadreId = (String) ((Map<?, ?>) item).get("id");
                if (!cadreId.equals(DEMO_CADRE_ID) && !cadreId.equals(DEMO_SPOUSE_ID)) {
                    cadres.add(cadreId);
                }
            }
            List<String> awaited = new ArrayList<>(cadres.subList(0, 14));
            awaited.add(DEMO_CADRE_ID);
            awaitProfiles(volunteer, awaited);

            Map<String, Integer> states = new java.util.TreeMap<>();
            count(states, order(volunteer, "request/1", DEMO_CADRE_ID, "HOUSEKEEPING", "换季大扫除，擦窗户",
                    List.of("dispatch:provider:" + housekeeping, "accept", "complete:2"), housekeeping));
            count(states, order(volunteer, "request/2", cadres.get(0), "MEDICAL_ESCORT", "下周三去市立医院复查，需要陪同",
                    List.of("dispatch:volunteer:" + volunteerA, "accept", "complete:3"), volunteerA));
            count(states, order(volunteer, "request/3", cadres.get(1), "MEAL_DELIVERY", "腿脚不便，想订午餐送餐上门",
                    List.of("dispatch:provider:" + housekeeping), housekeeping));
            count(states, order(volunteer, "request/4", cadres.get(2), "COMPANIONSHIP", "子女在外地，希望每周有人来聊聊天",
                    List.of("dispatch:provider:" + medical, "accept"), medical));
            count(states, order(volunteer, "request/5", cadres.get(3), "SHOPPING", "帮忙代购降压药和日用品",
                    List.of(), null));
            count(states, order(volunteer, "request/6", cadres.get(4), "HAIRCUT", "想请理发师上门理发",
                    List.of("cancel"), null));
            System.out.printf("%-12s %s: 3 providers, 2 volunteers, service orders %s%n", "services", community.code(),
                    states);

            activity(volunteer, community, "activity/calligraphy", "老年大学书法班", "CLASS", "王老师", "社区老年大学教室",
                    cadres.subList(5, 13), cadres.get(12));
            activity(volunteer, community, "activity/choir", "夕阳红合唱队", "TEAM", null, "社区文化活动室",
                    cadres.subList(0, 6), null);
        }

        static String provider(Api api, String name, List<String> types, List<String> communities, String phone,
                String contact) throws Exception {
            Map<?, ?> provider = (Map<?, ?>) api.send("POST", "/api/v1/providers", "application/json", Json.write(
                    Json.object("id", id("provider/" + name), "name", name, "serviceTypes", types, "communityCodes",
                            communities, "phone", phone, "contactName", contact)));
            return (String) provider.get("id");
        }

        static String claim(Api api, String postId, String key, String name, String phone) throws Exception {
            Map<?, ?> claim = (Map<?, ?>) api.send("POST", "/api/v1/posts/" + postId + "/claims", "application/json",
                    Json.write(Json.object("id", id(key), "volunteerName", name, "phone", phone)));
            return (String) claim.get("volunteerId");
        }

        /** volunteer-service learns of cadres from cadre-profiles, a little after registry: wait until it has. */
        static void awaitProfiles(Api api, List<String> cadres) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            for (String cadreId : cadres) {
                while (api.exchange("GET", "/api/v1/cadres/" + cadreId + "/flags", null, null).statusCode() != 200) {
                    if (System.nanoTime() > deadline) {
                        throw new Failure("volunteer-service has not received cadre " + cadreId + " in 3 minutes");
                    }
                    Thread.sleep(500);
                }
            }
        }

        /** Opens the order and takes it through the steps, unless an earlier run already did. Returns its state. */
        static String order(Api api, String key, String cadreId, String type, String details, List<String> steps,
                String assignee) throws Exception {
            Map<?, ?> request = (Map<?, ?>) api.send("POST", "/api/v1/service-requests", "application/json",
                    Json.write(Json.object("id", id(key), "cadreId", cadreId, "serviceType", type, "details", details)));
            String requestId = (String) request.get("id");
            if (!"REQUESTED".equals(request.get("status")) || ((Number) request.get("declines")).intValue() > 0) {
                return (String) request.get("status");
            }
            for (String step : steps) {
                String[] parts = step.split(":");
                String body = switch (parts[0]) {
                    case "dispatch" -> Json.write(Json.object(parts[1] + "Id", parts[2]));
                    case "complete" -> Json.write(Json.object("notes", "已按约完成", "hours", Integer.parseInt(parts[1])));
                    case "cancel" -> Json.write(Json.object("reason", "老人家属已自行安排"));
                    default -> null;
                };
                request = (Map<?, ?>) api.send("POST", "/api/v1/service-requests/" + requestId + "/" + parts[0],
                        body == null ? null : "application/json", body);
            }
            return (String) request.get("status");
        }

        static void count(Map<String, Integer> states, String state) {
            states.merge(state, 1, Integer::sum);
        }

        /**
         * Four weekly sessions already held and four to come; the enrolled cadres attended the held ones, except
         * {@code absentee}, who missed the last three (连续三次缺勤: visit-service gives its grid a visit task).
         */
        static void activity(Api api, Community community, String key, String title, String kind, String teacher,
                String place, List<String> enrolled, String absentee) throws Exception {
            java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
            LocalDate today = LocalDate.now(zone);
            List<Object> sessions = new ArrayList<>();
            for (int week = -4; week < 4; week++) {
                Instant start = today.plusWeeks(week).minusDays(week < 0 ? 0 : -1).atTime(9, 30).atZone(zone)
                        .toInstant();
                sessions.add(Json.object("startsAt", start.toString(), "endsAt",
                        start.plus(Duration.ofMinutes(90)).toString(), "place", place));
            }
            Map<String, Object> form = Json.object("id", id(key), "title", title, "kind", kind, "communityCode",
                    community.code(), "capacity", 30, "sessions", sessions);
            if (teacher != null) {
                form.put("teacher", teacher);
            }
            Map<?, ?> activity = (Map<?, ?>) api.send("POST", "/api/v1/activities", "application/json",
                    Json.write(form));
            String activityId = (String) activity.get("id");
            for (String cadreId : enrolled) {
                HttpResponse<String> answer = api.exchange("POST", "/api/v1/activities/" + activityId + "/enrolments",
                        "application/json", Json.write(Json.object("id", id(key + "/" + cadreId), "cadreId", cadreId)));
                if (answer.statusCode() != 409) {
                    Api.check("POST", "/api/v1/activities/" + activityId + "/enrolments", answer);
                }
            }
            int flagged = 0;
            for (int n = 1; n <= 4; n++) {
                List<String> present = new ArrayList<>();
                for (String cadreId : enrolled) {
                    if (!(cadreId.equals(absentee) && n > 1)) {
                        present.add(cadreId);
                    }
                }
                Map<?, ?> recorded = (Map<?, ?>) api.send("POST", "/api/v1/activities/" + activityId + "/sessions/" + n
                        + "/attendance", "application/json", Json.write(Json.object("presentCadreIds", present)));
                flagged += ((List<?>) recorded.get("flaggedCadreIds")).size();
            }
            System.out.printf("%-12s %s %s: %d enrolled, 4 of 8 sessions held, %d flagged for 连续三次缺勤%n", "activity",
                    community.code(), title, enrolled.size(), flagged);
        }
    }

    // ---------------------------------------------------------------------------------------- plumbing

    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    static final class Api {
        final String base;
        final String token;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

        Api(String base, String token) {
            this.base = base;
            this.token = token;
        }

        Object send(String method, String path, String contentType, String body) throws Exception {
            HttpResponse<String> response = exchange(method, path, contentType, body);
            check(method, path, response);
            return response.body().isBlank() ? null : Json.parse(response.body());
        }

        HttpResponse<String> exchange(String method, String path, String contentType, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new Failure(method + " " + base + path + " failed: " + e);
            }
        }

        static void check(String method, String path, HttpResponse<String> response) {
            if (response.statusCode() / 100 != 2) {
                String body = response.body();
                throw new Failure(method + " " + path + " answered " + response.statusCode() + ": "
                        + (body.length() > 800 ? body.substring(0, 800) + "…" : body));
            }
        }
    }

    /** Just enough JSON for this loader: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        static Map<String, Object> object(Object... keyValues) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
            return map;
        }

        static String write(Object value) {
            if (value == null) return "null";
            if (value instanceof String s) return quote(s);
            if (value instanceof Number || value instanceof Boolean) return value.toString();
            if (value instanceof Map<?, ?> map) {
                StringJoiner out = new StringJoiner(",", "{", "}");
                map.forEach((k, v) -> out.add(quote(k.toString()) + ":" + write(v)));
                return out.toString();
            }
            if (value instanceof List<?> list) {
                StringJoiner out = new StringJoiner(",", "[", "]");
                list.forEach(v -> out.add(write(v)));
                return out.toString();
            }
            throw new IllegalArgumentException("cannot write " + value.getClass());
        }

        static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return out.append('"').toString();
        }

        static Object parse(String text) {
            Parser parser = new Parser(text);
            Object value = parser.value();
            parser.skipWhitespace();
            if (parser.pos != text.length()) throw parser.error("trailing characters");
            return value;
        }

        static final class Parser {
            final String s;
            int pos;

            Parser(String s) {
                this.s = s;
            }

            Object value() {
                skipWhitespace();
                if (pos >= s.length()) throw error("unexpected end");
                char c = s.charAt(pos);
                switch (c) {
                    case '{': return object();
                    case '[': return array();
                    case '"': return string();
                    case 't': return literal("true", Boolean.TRUE);
                    case 'f': return literal("false", Boolean.FALSE);
                    case 'n': return literal("null", null);
                    default: return number();
                }
            }

            Map<String, Object> object() {
                Map<String, Object> map = new LinkedHashMap<>();
                pos++;
                skipWhitespace();
                if (peek() == '}') { pos++; return map; }
                while (true) {
                    skipWhitespace();
                    String key = string();
                    skipWhitespace();
                    expect(':');
                    map.put(key, value());
                    skipWhitespace();
                    if (peek() == ',') { pos++; continue; }
                    expect('}');
                    return map;
                }
            }

            List<Object> array() {
                List<Object> list = new ArrayList<>();
                pos++;
                skipWhitespace();
                if (peek() == ']') { pos++; return list; }
                while (true) {
                    list.add(value());
                    skipWhitespace();
                    if (peek() == ',') { pos++; continue; }
                    expect(']');
                    return list;
                }
            }

            String string() {
                expect('"');
                StringBuilder out = new StringBuilder();
                while (true) {
                    if (pos >= s.length()) throw error("unterminated string");
                    char c = s.charAt(pos++);
                    if (c == '"') return out.toString();
                    if (c != '\\') { out.append(c); continue; }
                    char e = s.charAt(pos++);
                    switch (e) {
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'u' -> { out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16)); pos += 4; }
                        default -> out.append(e);
                    }
                }
            }

            Object number() {
                int start = pos;
                while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) pos++;
                if (start == pos) throw error("unexpected character");
                String n = s.substring(start, pos);
                return n.matches("-?\\d+") ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
            }

            Object literal(String word, Object value) {
                if (!s.startsWith(word, pos)) throw error("expected " + word);
                pos += word.length();
                return value;
            }

            void expect(char c) {
                if (peek() != c) throw error("expected '" + c + "'");
                pos++;
            }

            char peek() {
                return pos < s.length() ? s.charAt(pos) : '\0';
            }

            void skipWhitespace() {
                while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
            }

            IllegalArgumentException error(String message) {
                return new IllegalArgumentException("bad JSON at " + pos + ": " + message);
            }
        }
    }
}
