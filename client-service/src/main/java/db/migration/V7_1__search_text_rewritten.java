package db.migration;

import com.tsh.erp.clients.service.SearchTextRewrite;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 9: every client's and salesperson's search text in libs/text's new form (V7 explains it),
 * which fills the word table through its triggers. Java, because the form is made by libs/text and
 * nowhere else.
 */
public class V7_1__search_text_rewritten extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        SearchTextRewrite.clientsAndSalespeople(context.getConnection());
    }
}
