package db.migration;

import com.tsh.erp.catalog.service.SearchTextRewrite;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 9: every product's search text in libs/text's new form (V4 explains it), which fills the
 * word table through its trigger. Java, because the form is made by libs/text and nowhere else.
 */
public class V4_1__search_text_rewritten extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        SearchTextRewrite.products(context.getConnection());
    }
}
