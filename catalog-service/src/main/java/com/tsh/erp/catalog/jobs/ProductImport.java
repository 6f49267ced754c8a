package com.tsh.erp.catalog.jobs;

import com.tsh.erp.catalog.api.ProductRequests.CreateProduct;
import com.tsh.erp.catalog.config.CatalogConfig;
import com.tsh.erp.catalog.domain.Product;
import com.tsh.erp.catalog.service.ProductInput;
import com.tsh.erp.catalog.service.ProductWrites;
import com.tsh.erp.jobs.files.TableImport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The products import job ({@code products-import}); what a file may hold is described on
 * {@link ProductImportResource}, how it is read and applied on {@link TableImport}. Here: the columns (the export's),
 * each cell's type, a row's own rules (a SKU, not twice in the file), and a batch applied through
 * {@link ProductWrites}, the same code as the API (same checks, events in the outbox, caches made stale): a row
 * whose SKU exists (case ignored) updates that product, else it creates one; the merged product is validated with
 * the API's own rules; a row that would change nothing is not written (no new version, no event), so importing an
 * export back changes nothing.
 */
@ApplicationScoped
public class ProductImport extends TableImport {

    public static final String KIND = "products-import";

    @Inject
    CatalogConfig config;
    @Inject
    ProductWrites writes;
    @Inject
    EntityManager em;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    protected String things() {
        return "products";
    }

    @Override
    protected List<String> columns() {
        return ProductExport.COLUMNS;
    }

    @Override
    protected Set<String> requiredColumns() {
        return Set.of("sku");
    }

    @Override
    protected String keyColumn() {
        return "sku";
    }

    @Override
    protected int maxRows() {
        return config.imports().maxRows();
    }

    @Override
    protected int batchSize() {
        return config.imports().batchSize();
    }

    @Override
    protected Object value(String column, String text) {
        return switch (column) {
            case "sku", "name", "name_ar", "unit" -> text;
            case "category_id" -> wholeNumber(text, "a category id");
            case "stock_on_hand", "reorder_level" -> {
                try {
                    yield Integer.valueOf(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("is not a whole number");
                }
            }
            case "retail_price", "wholesale_price", "cost_price" -> money(text);
            case "active" -> yesNo(text);
            default -> throw new IllegalStateException("no type for column " + column);
        };
    }

    private static String sku(Line line) {
        return line.get("sku") == null ? "" : (String) line.get("sku");
    }

    @Override
    protected List<Refusal> checkRow(Line line, Map<String, Integer> seen) {
        String sku = sku(line);
        if (sku.isEmpty()) {
            return List.of(new Refusal(line.row(), "", "sku", "", "is required"));
        }
        Integer first = seen.putIfAbsent(sku.toLowerCase(Locale.ROOT), line.row());
        return first == null ? List.of()
                : List.of(new Refusal(line.row(), sku, "sku", sku, "comes again; row " + first + " has it already"));
    }

    @Override
    protected void applyBatch(List<Line> batch, String actor, Tally tally) {
        List<String> skus = batch.stream().map(l -> sku(l).toLowerCase(Locale.ROOT)).toList();
        Map<String, Product> existing = new HashMap<>();
        for (Product p : em.createQuery("select p from Product p where lower(p.sku) in :skus", Product.class)
                .setParameter("skus", skus).getResultList()) {
            existing.put(p.sku.toLowerCase(Locale.ROOT), p);
        }
        Set<Long> wanted = new HashSet<>();
        batch.forEach(l -> {
            if (l.get("category_id") instanceof Long id) {
                wanted.add(id);
            }
        });
        Set<Long> categories = wanted.isEmpty() ? Set.of() : new HashSet<>(em.createQuery(
                "select c.id from Category c where c.id in :ids", Long.class).setParameter("ids", wanted).getResultList());
        for (Line line : batch) {
            String sku = sku(line);
            Product p = existing.get(sku.toLowerCase(Locale.ROOT));
            CreateProduct merged = merge(p, line);
            List<Refusal> wrong = violations(line, sku, merged, p == null, "product");
            if (merged.categoryId != null && !categories.contains(merged.categoryId) && line.has("category_id")) {
                wrong.add(new Refusal(line.row(), sku, "category_id", String.valueOf(merged.categoryId),
                        "category " + merged.categoryId + " does not exist"));
            }
            if (!wrong.isEmpty()) {
                tally.refuse(wrong);
                continue;
            }
            ProductInput in = new ProductInput(merged.sku, merged.name, merged.nameAr, merged.description,
                    merged.descriptionAr, merged.categoryId, merged.unit, merged.retailPrice, merged.wholesalePrice,
                    merged.costPrice, merged.reorderLevel, line.has("active") ? (Boolean) line.get("active") : null,
                    merged.imageUrls, merged.zohoItemId);
            if (p == null) {
                writes.create(in, merged.stockOnHand, actor);
                tally.created();
            } else if (same(p, in)) {
                tally.unchanged();
                continue;
            } else {
                writes.update(p.id, p.version, in, actor);
                tally.updated();
            }
            // each write flushes; without this every later flush of the batch would check every product written
            // before it (measured: 20,000 rows took 112 s with it, see BENCHMARKS.md). The batch's other products
            // are read again by id when their turn comes.
            em.flush();
            em.clear();
        }
    }

    /** The product as it would be: what it has now, with the file's columns put over it. */
    private static CreateProduct merge(Product p, Line line) {
        CreateProduct m = new CreateProduct();
        m.sku = sku(line);
        if (p != null) {
            m.name = p.name;
            m.nameAr = p.nameAr;
            m.description = p.description;
            m.descriptionAr = p.descriptionAr;
            m.categoryId = p.categoryId;
            m.unit = p.unit;
            m.retailPrice = p.retailPrice;
            m.wholesalePrice = p.wholesalePrice;
            m.costPrice = p.costPrice;
            m.reorderLevel = p.reorderLevel;
            m.imageUrls = List.copyOf(p.imageUrls);
            m.zohoItemId = p.zohoItemId;
        }
        if (line.has("name")) {
            m.name = (String) line.get("name");
        }
        if (line.has("name_ar")) {
            m.nameAr = (String) line.get("name_ar");
        }
        if (line.has("category_id")) {
            m.categoryId = (Long) line.get("category_id");
        }
        if (line.get("unit") != null) {
            m.unit = (String) line.get("unit");
        }
        if (line.has("retail_price")) {
            m.retailPrice = (BigDecimal) line.get("retail_price");
        }
        if (line.has("wholesale_price")) {
            m.wholesalePrice = (BigDecimal) line.get("wholesale_price");
        }
        if (line.has("cost_price")) {
            m.costPrice = (BigDecimal) line.get("cost_price");
        }
        if (line.get("reorder_level") != null) {
            m.reorderLevel = (Integer) line.get("reorder_level");
        }
        if (p == null) {
            m.stockOnHand = (Integer) line.get("stock_on_hand");
        }
        return m;
    }

    private static boolean same(Product p, ProductInput in) {
        return p.sku.equals(in.sku().strip()) && p.name.equals(in.name().strip()) && p.nameAr.equals(in.nameAr().strip())
                && Objects.equals(p.categoryId, in.categoryId()) && p.unit.equals(in.unit())
                && equal(p.retailPrice, in.retailPrice()) && equal(p.wholesalePrice, in.wholesalePrice())
                && equal(p.costPrice, in.costPrice()) && p.reorderLevel == in.reorderLevel()
                && (in.active() == null || p.active == in.active());
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
