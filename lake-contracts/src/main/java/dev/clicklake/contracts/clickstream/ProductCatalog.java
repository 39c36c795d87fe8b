package dev.clicklake.contracts.clickstream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The products a generated file talks about. Each product keeps its {@code product_id}, category
 * ({@code category_id} and {@code category_code}), brand and base price. Products of one category sit
 * side by side, most popular first, so that sessions can browse within a category; popularity is
 * Zipf-like both over the whole catalog and inside each category.
 */
final class ProductCatalog {

    static final int MAX_PRICE_CENTS = 257_407;

    private static final int MIN_PRICE_CENTS = 77;
    private static final int POPULARITY_POWER = 5;
    private static final int BRAND_POWER = 3;
    private static final double CATEGORY_SIZE_EXPONENT = 0.8;
    private static final double CODED_CATEGORY_ID_SHARE = 0.43;
    private static final double LOWEST_PRICE_LEVEL = 30;
    private static final double HIGHEST_PRICE_LEVEL = 960;
    private static final double PRICE_SIGMA_IN_CATEGORY = 0.5;
    private static final int MAX_BRANDS_PER_CATEGORY = 40;
    private static final int PRODUCT_ID_BLOCK = 100_000;
    private static final int FIRST_PRODUCT_ID_PREFIX = 10;
    private static final byte[] NO_BRAND = new byte[0];

    /** Per product, side by side so that one cache line serves a row: id, category, brand (-1: none), price. */
    private static final int FIELDS = 4;
    private static final int ID = 0;
    private static final int CATEGORY = 1;
    private static final int BRAND = 2;
    private static final int PRICE = 3;

    private final int[] products;
    private final byte[][] categoryText;
    private final byte[][] brandText;
    private final int[] categoryFirst;
    private final PowerLawSampler[] withinCategory;
    private final int[] byPopularity;
    private final PowerLawSampler popularity;

    private ProductCatalog(ClickstreamOptions options, SplittableRandom random) {
        int size = options.catalogSize();
        int categories = options.categoryCount();
        List<String> brands = BrandNames.generate(options.brandCount(), random);
        int codedCategories = codedCategoryCount(categories, options.emptyCategoryCodeShare());
        categoryText = categoryTexts(categories, codedCategories, random);

        int[] productsPerCategory = new int[categories];
        int emptyCodeProducts = codedCategories == categories ? 0
                : codedCategories == 0 ? size : (int) Math.round(size * options.emptyCategoryCodeShare());
        spread(size - emptyCodeProducts, productsPerCategory, 0, codedCategories, random);
        spread(emptyCodeProducts, productsPerCategory, codedCategories, categories, random);

        products = new int[size * FIELDS];
        categoryFirst = new int[categories];
        withinCategory = new PowerLawSampler[categories];
        brandText = brands.stream().map(b -> b.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        PowerLawSampler brandWindowStart = new PowerLawSampler(brands.size(), BRAND_POWER);
        int first = 0;
        for (int k = 0; k < categories; k++) {
            int count = productsPerCategory[k];
            categoryFirst[k] = first;
            if (count > 0) {
                withinCategory[k] = new PowerLawSampler(count, POPULARITY_POWER);
            }
            double priceLevel = LOWEST_PRICE_LEVEL
                    * StrictMath.pow(HIGHEST_PRICE_LEVEL / LOWEST_PRICE_LEVEL, random.nextDouble());
            int windowStart = brandWindowStart.sample(random);
            PowerLawSampler brandInWindow = new PowerLawSampler(1 + random.nextInt(MAX_BRANDS_PER_CATEGORY), BRAND_POWER);
            for (int p = first; p < first + count; p++) {
                products[p * FIELDS + CATEGORY] = k;
                products[p * FIELDS + BRAND] = random.nextDouble() < options.emptyBrandShare() ? -1
                        : (windowStart + brandInWindow.sample(random)) % brandText.length;
                products[p * FIELDS + PRICE] = basePriceCents(priceLevel, random);
            }
            first += count;
        }
        assignProductIds(productsPerCategory, random);
        byPopularity = popularityOrder(productsPerCategory, random);
        popularity = new PowerLawSampler(size, POPULARITY_POWER);
    }

    static ProductCatalog build(ClickstreamOptions options, SplittableRandom random) {
        return new ProductCatalog(options, random);
    }

    /** A product drawn by overall popularity. */
    int popularProduct(SplittableRandom random) {
        return byPopularity[popularity.sample(random)];
    }

    /** A product of the same category as {@code product}, drawn by popularity inside that category. */
    int productInSameCategory(int product, SplittableRandom random) {
        int category = products[product * FIELDS + CATEGORY];
        return categoryFirst[category] + withinCategory[category].sample(random);
    }

    int productId(int product) {
        return products[product * FIELDS + ID];
    }

    /** {@code category_id,category_code} as written in a row. */
    byte[] categoryText(int product) {
        return categoryText[products[product * FIELDS + CATEGORY]];
    }

    /** The brand as written in a row, empty when the product has none. */
    byte[] brandText(int product) {
        int brand = products[product * FIELDS + BRAND];
        return brand < 0 ? NO_BRAND : brandText[brand];
    }

    int basePriceCents(int product) {
        return products[product * FIELDS + PRICE];
    }

    private static int codedCategoryCount(int categories, double emptyCodeShare) {
        if (emptyCodeShare == 0) {
            return categories;
        }
        if (emptyCodeShare == 1) {
            return 0;
        }
        return (int) Math.max(1, Math.min(categories - 1, Math.round(categories * CODED_CATEGORY_ID_SHARE)));
    }

    private static byte[][] categoryTexts(int categories, int codedCategories, SplittableRandom random) {
        List<String> codes = new ArrayList<>(CategoryCodes.ALL);
        shuffle(codes, random);
        Set<Long> usedIds = new HashSet<>();
        byte[][] texts = new byte[categories][];
        for (int k = 0; k < categories; k++) {
            long id = categoryId(random);
            while (!usedIds.add(id)) {
                id = categoryId(random);
            }
            String code = k >= codedCategories ? "" : k < codes.size() ? codes.get(k) : codes.get(random.nextInt(codes.size()));
            texts[k] = (id + "," + code).getBytes(StandardCharsets.US_ASCII);
        }
        return texts;
    }

    /** 19 digits, most close to the REES46 base 2053013552..., the rest spread up to 2.175e18. */
    private static long categoryId(SplittableRandom random) {
        if (random.nextDouble() < 0.7) {
            return 2_053_013_552_000_000_000L + (long) (random.nextDouble() * 14_500_000_000L);
        }
        return 2_055_000_000_000_000_000L + (long) (random.nextDouble() * 120_000_000_000_000_000L);
    }

    /** Spreads {@code products} over categories {@code [from, to)} with Zipf-like category sizes. */
    private static void spread(int products, int[] counts, int from, int to, SplittableRandom random) {
        int categories = to - from;
        if (categories == 0 || products == 0) {
            return;
        }
        int[] order = shuffledIndexes(categories, random);
        double[] weights = new double[categories];
        double total = 0;
        for (int j = 0; j < categories; j++) {
            weights[j] = StrictMath.pow(j + 1, -CATEGORY_SIZE_EXPONENT);
            total += weights[j];
        }
        int assigned = 0;
        for (int j = 0; j < categories; j++) {
            int count = (int) (products * weights[j] / total);
            counts[from + order[j]] = count;
            assigned += count;
        }
        for (int j = 0; assigned < products; j = (j + 1) % categories) {
            counts[from + order[j]]++;
            assigned++;
        }
    }

    private static int basePriceCents(double priceLevel, SplittableRandom random) {
        long cents = Math.round(Distributions.logNormal(random, priceLevel, PRICE_SIGMA_IN_CATEGORY) * 100);
        if (cents > MAX_PRICE_CENTS) {
            return MAX_PRICE_CENTS / 2 + random.nextInt(MAX_PRICE_CENTS / 2 + 1);
        }
        return (int) Math.max(MIN_PRICE_CENTS, cents);
    }

    /**
     * REES46-like ids: a numeric prefix per category block followed by five digits, e.g. 1004237.
     * Prefixes grow from category to category (in a random category order), so ids never collide.
     */
    private void assignProductIds(int[] productsPerCategory, SplittableRandom random) {
        int prefix = FIRST_PRODUCT_ID_PREFIX;
        for (int k : shuffledIndexes(productsPerCategory.length, random)) {
            int serial = random.nextInt(1_000);
            for (int p = categoryFirst[k]; p < categoryFirst[k] + productsPerCategory[k]; p++) {
                serial += 1 + (random.nextDouble() < 0.3 ? random.nextInt(4) : 0);
                if (serial >= PRODUCT_ID_BLOCK) {
                    prefix++;
                    serial -= PRODUCT_ID_BLOCK;
                }
                products[p * FIELDS + ID] = prefix * PRODUCT_ID_BLOCK + serial;
            }
            prefix += 1 + random.nextInt(3);
        }
    }

    /** Products by popularity rank: a random order, except that inside a category the first product ranks best. */
    private int[] popularityOrder(int[] productsPerCategory, SplittableRandom random) {
        int[] rankOf = shuffledIndexes(products.length / FIELDS, random);
        for (int k = 0; k < productsPerCategory.length; k++) {
            Arrays.sort(rankOf, categoryFirst[k], categoryFirst[k] + productsPerCategory[k]);
        }
        int[] productAt = new int[rankOf.length];
        for (int p = 0; p < rankOf.length; p++) {
            productAt[rankOf[p]] = p;
        }
        return productAt;
    }

    private static int[] shuffledIndexes(int n, SplittableRandom random) {
        int[] indexes = new int[n];
        for (int i = 0; i < n; i++) {
            indexes[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = indexes[i];
            indexes[i] = indexes[j];
            indexes[j] = swap;
        }
        return indexes;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
