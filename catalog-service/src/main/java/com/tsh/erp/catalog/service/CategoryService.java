package com.tsh.erp.catalog.service;

import com.tsh.erp.catalog.domain.Category;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.CategoryUpserted;
import com.tsh.erp.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

@ApplicationScoped
public class CategoryService {

    @Inject
    EntityManager em;
    @Inject
    CategoryCache cache;
    @Inject
    OutboxWriter outbox;
    @Inject
    ProductListCache listCache;

    /** The whole tree, roots first, each level in sort order (from the cache). */
    public List<CategoryTree> tree() {
        List<CategoryRow> rows = cache.all();
        Map<Long, List<CategoryRow>> byParent = new HashMap<>();
        for (CategoryRow r : rows) {
            byParent.computeIfAbsent(r.parentId(), p -> new ArrayList<>()).add(r);
        }
        return nodes(byParent, null);
    }

    private static List<CategoryTree> nodes(Map<Long, List<CategoryRow>> byParent, Long parent) {
        List<CategoryTree> out = new ArrayList<>();
        for (CategoryRow r : byParent.getOrDefault(parent, List.of())) {
            out.add(new CategoryTree(r, nodes(byParent, r.id())));
        }
        return out;
    }

    /** The category and all below it (for the product list's category filter); empty if it does not exist. */
    public Set<Long> withDescendants(long categoryId) {
        List<CategoryRow> rows = cache.all();
        Map<Long, List<Long>> children = new HashMap<>();
        boolean exists = false;
        for (CategoryRow r : rows) {
            children.computeIfAbsent(r.parentId(), p -> new ArrayList<>()).add(r.id());
            exists |= r.id() == categoryId;
        }
        Set<Long> out = new HashSet<>();
        if (!exists) {
            return out;
        }
        List<Long> todo = new ArrayList<>(List.of(categoryId));
        while (!todo.isEmpty()) {
            Long id = todo.remove(todo.size() - 1);
            if (out.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return out;
    }

    @Transactional
    public CategoryRow create(CategoryInput req, String actor) {
        requireExisting("parent_id", req.parentId());
        Category c = new Category();
        c.name = req.name().strip();
        c.nameAr = req.nameAr().strip();
        c.parentId = req.parentId();
        c.sortOrder = req.sortOrder() == null ? 0 : req.sortOrder();
        em.persist(c);
        em.flush();
        return changed(c, actor);
    }

    @Transactional
    public CategoryRow update(long id, long version, CategoryInput req, String actor) {
        Category c = find(id);
        if (c.version != version) {
            throw ApiException.conflict("stale-version", "category " + id + " is at version " + c.version
                    + ", not " + version + "; reload it and apply the change again");
        }
        if (req.parentId() != null && !Objects.equals(req.parentId(), c.parentId)) {
            requireExisting("parent_id", req.parentId());
            if (withDescendants(id).contains(req.parentId())) {
                throw ApiException.unprocessable("parent_id", "a category cannot be moved under itself or its own sub-category");
            }
        }
        c.name = req.name().strip();
        c.nameAr = req.nameAr().strip();
        c.parentId = req.parentId();
        if (req.sortOrder() != null) {
            c.sortOrder = req.sortOrder();
        }
        if (req.active() != null) {
            c.active = req.active();
        }
        flush(id);
        return changed(c, actor);
    }

    @Transactional
    public CategoryRow deactivate(long id, String actor) {
        Category c = find(id);
        if (!c.active) {
            return node(c);
        }
        c.active = false;
        flush(id);
        return changed(c, actor);
    }

    /** Throws 422 naming {@code field} unless the category exists. */
    public void requireExisting(String field, Long categoryId) {
        if (categoryId != null && em.find(Category.class, categoryId) == null) {
            throw ApiException.unprocessable(field, "category " + categoryId + " does not exist");
        }
    }

    private Category find(long id) {
        Category c = em.find(Category.class, id);
        if (c == null) {
            throw ApiException.notFound("Category", id);
        }
        return c;
    }

    private void flush(long id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ApiException.conflict("stale-version", "category " + id + " was changed meanwhile; reload it");
        }
    }

    private CategoryRow changed(Category c, String actor) {
        outbox.append(CatalogEvents.CATEGORY_UPSERTED, String.valueOf(c.id), c.version, actor,
                new CategoryUpserted(c.id, c.parentId, c.name, c.nameAr, c.sortOrder, c.active, c.updatedAt));
        cache.invalidateAfterCommit();
        listCache.invalidateAfterCommit(); // the category filter follows the tree
        return node(c);
    }

    private static CategoryRow node(Category c) {
        return new CategoryRow(c.id, c.parentId, c.name, c.nameAr, c.sortOrder, c.active, c.version, c.updatedAt);
    }
}
