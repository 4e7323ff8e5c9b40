package io.directline.testsupport;

import io.directline.cases.CaseManagement;
import io.directline.customer.CustomerManagement;
import io.directline.identity.UserManagement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every browser test needs: the server's port, people to sign in as, and browsers closed after each test. */
@BrowserTest
public abstract class ScreenTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected CustomerManagement customers;

    @Autowired
    protected UserManagement users;

    @Autowired
    protected CaseManagement cases;

    protected People people;
    private final List<Browser> browsers = new ArrayList<>();

    @BeforeEach
    void preparePeople() {
        people = new People(customers, users, cases);
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
        browsers.clear();
    }

    /** A new browser, closed after the test. */
    protected Browser browser() {
        var browser = Browser.open(port);
        browsers.add(browser);
        return browser;
    }
}
