package dev.clicklake.contracts.clickstream;

import java.util.SplittableRandom;

/**
 * Decides what a session does next and at what price. Views browse: the same product again, another
 * product of the same category, or a popular product. A cart is usually of the product just viewed
 * and may owe a later purchase or removal of that product in the same session; the other purchases
 * come without a cart. A session opens with a view: a cart or purchase drawn first is owed until
 * after a view of its product. The shares are solved so that the event mix matches the options.
 */
final class SessionBehaviour {

    private static final double SAME_PRODUCT_AGAIN = 0.30;
    private static final double SAME_CATEGORY = 0.55;
    private static final double CART_OF_LAST_PRODUCT = 0.92;
    private static final double PURCHASE_OF_LAST_PRODUCT = 0.80;
    private static final double FOLLOW_UP_PACE = 0.3;
    private static final double PRICE_CHANGE_SHARE = 0.03;
    private static final double PRICE_CHANGE_RANGE = 0.3;
    private static final int OWED_REMOVE = 0;
    private static final int OWED_PURCHASE = 1;
    private static final int OWED_CART = 2;

    private final ProductCatalog catalog;
    private final double zeroPriceViewShare;
    private final double cartBelow;
    private final double cartOrPurchaseBelow;
    private final double purchaseAfterCartBelow;
    private final double followUpAfterCartBelow;
    private int product;
    private int priceCents;

    SessionBehaviour(ProductCatalog catalog, ClickstreamOptions options) {
        this.catalog = catalog;
        this.zeroPriceViewShare = options.zeroPriceViewShare();
        double purchasesAfterCart = options.purchasesAfterCartShare() * options.purchaseShare();
        double fresh = 1 - purchasesAfterCart - options.removeFromCartShare();
        this.cartBelow = options.cartShare() / fresh;
        this.cartOrPurchaseBelow = cartBelow + (options.purchaseShare() - purchasesAfterCart) / fresh;
        double carts = options.cartShare();
        this.purchaseAfterCartBelow = carts == 0 ? 0 : purchasesAfterCart / carts;
        this.followUpAfterCartBelow = carts == 0 ? 0 : (purchasesAfterCart + options.removeFromCartShare()) / carts;
    }

    /** Decides the session's next event; read its product and price with {@link #product()} and {@link #priceCents()}. */
    EventType next(ClickSession session, SplittableRandom random) {
        EventType type;
        int owed = session.followUpCount();
        if (owed > 0 && (owed >= session.remaining() || random.nextDouble() < FOLLOW_UP_PACE)) {
            int followUp = session.takeFollowUp();
            product = followUp >>> 2;
            type = switch (followUp & 3) {
                case OWED_CART -> EventType.CART;
                case OWED_PURCHASE -> EventType.PURCHASE;
                default -> EventType.REMOVE_FROM_CART;
            };
        } else {
            double draw = random.nextDouble();
            if (draw < cartBelow) {
                type = EventType.CART;
                product = lastOrPopular(session, CART_OF_LAST_PRODUCT, random);
            } else if (draw < cartOrPurchaseBelow) {
                type = EventType.PURCHASE;
                product = lastOrPopular(session, PURCHASE_OF_LAST_PRODUCT, random);
            } else {
                type = EventType.VIEW;
                product = browse(session, random);
            }
            if (type != EventType.VIEW && session.lastProduct() < 0) {
                session.addFollowUp(product << 2 | (type == EventType.CART ? OWED_CART : OWED_PURCHASE));
                type = EventType.VIEW;
            }
        }
        if (type == EventType.CART) {
            oweAfterCart(session, random);
        }
        session.lastProduct(product);
        priceCents = price(type, random);
        return type;
    }

    int product() {
        return product;
    }

    int priceCents() {
        return priceCents;
    }

    private void oweAfterCart(ClickSession session, SplittableRandom random) {
        double draw = random.nextDouble();
        if (draw < followUpAfterCartBelow) {
            session.addFollowUp(product << 2 | (draw < purchaseAfterCartBelow ? OWED_PURCHASE : OWED_REMOVE));
        }
    }

    private int lastOrPopular(ClickSession session, double lastShare, SplittableRandom random) {
        int last = session.lastProduct();
        return last >= 0 && random.nextDouble() < lastShare ? last : catalog.popularProduct(random);
    }

    private int browse(ClickSession session, SplittableRandom random) {
        int last = session.lastProduct();
        if (last < 0) {
            return catalog.popularProduct(random);
        }
        double draw = random.nextDouble();
        if (draw < SAME_PRODUCT_AGAIN) {
            return last;
        }
        if (draw < SAME_PRODUCT_AGAIN + SAME_CATEGORY) {
            return catalog.productInSameCategory(last, random);
        }
        return catalog.popularProduct(random);
    }

    private int price(EventType type, SplittableRandom random) {
        if (type == EventType.VIEW && random.nextDouble() < zeroPriceViewShare) {
            return 0;
        }
        int base = catalog.basePriceCents(product);
        if (random.nextDouble() >= PRICE_CHANGE_SHARE) {
            return base;
        }
        double factor = 1 + PRICE_CHANGE_RANGE * (random.nextDouble() - 0.5);
        return (int) Math.min(ProductCatalog.MAX_PRICE_CENTS, Math.round(base * factor));
    }
}
