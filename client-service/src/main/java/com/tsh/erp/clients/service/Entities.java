package com.tsh.erp.clients.service;

import com.tsh.erp.clients.domain.Versioned;
import com.tsh.erp.defaults.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.Hibernate;

/**
 * The one rule of every edit of a client or a salesperson: found by id or 404, edited only at the
 * version the caller read or 409, stored with a flush that turns a concurrent change into 409 too.
 * Messages name the entity as its class does ("Client 7 does not exist", "client 7 is at version 3").
 */
@ApplicationScoped
class Entities {

    @Inject
    EntityManager em;

    /** The entity with this id; 404 if there is none. */
    <E extends Versioned> E find(Class<E> type, long id) {
        E e = em.find(type, id);
        if (e == null) {
            throw ApiException.notFound(type.getSimpleName(), id);
        }
        return e;
    }

    /** The entity with this id, if it is at {@code version}; 404 or 409 otherwise. */
    <E extends Versioned> E atVersion(Class<E> type, long id, long version) {
        E e = find(type, id);
        if (e.version != version) {
            throw ApiException.conflict("stale-version", name(e) + " " + id + " is at version " + e.version + ", not "
                    + version + "; reload and apply the change again");
        }
        return e;
    }

    /** The first entity of this type whose {@code property} (a JPQL path of {@code e}) has this value. */
    <E extends Versioned> Optional<E> first(Class<E> type, String property, Object value) {
        return em.createQuery("from " + type.getSimpleName() + " e where " + property + " = ?1", type)
                .setParameter(1, value).setMaxResults(1).getResultStream().findFirst();
    }

    /** Inserts a new entity now, so that its id and version are known. */
    void persist(Versioned e) {
        em.persist(e);
        em.flush();
    }

    /** Writes the changes of a found entity now; a concurrent change of it is 409. */
    void flush(Versioned e) {
        try {
            em.flush();
        } catch (OptimisticLockException x) {
            throw ApiException.conflict("stale-version", name(e) + " " + e.id + " was changed meanwhile; reload it");
        }
    }

    private static String name(Versioned e) {
        return Hibernate.getClass(e).getSimpleName().toLowerCase(Locale.ROOT);
    }
}
