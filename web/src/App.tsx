import { Center, Loader } from "@mantine/core";
import { Navigate, Route, Routes } from "react-router-dom";
import { Shell } from "./components/Shell";
import { AuditPage } from "./pages/AuditPage";
import { ChangePasswordPage } from "./pages/ChangePasswordPage";
import { HomePage } from "./pages/HomePage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OrgUnitsPage } from "./pages/OrgUnitsPage";
import { PlanImportPage } from "./pages/PlanImportPage";
import { PlanPage } from "./pages/PlanPage";
import { SpmPage } from "./pages/SpmPage";
import { UsersPage } from "./pages/UsersPage";
import { SessionProvider, useSession } from "./session";
import { DataEntryPage } from "./pages/DataEntryPage"; // TEMP-DATA-ENTRY
import { CompletenessPage } from "./pages/CompletenessPage"; // TEMP-DATA-ENTRY
import i18nTemp from "./i18n"; // TEMP-DATA-ENTRY
import { dataEntryEn } from "./locales/data-entry-en"; // TEMP-DATA-ENTRY
import { dataEntryId } from "./locales/data-entry-id"; // TEMP-DATA-ENTRY
i18nTemp.addResourceBundle("id", "translation", { dataEntry: dataEntryId }, true, true); // TEMP-DATA-ENTRY
i18nTemp.addResourceBundle("en", "translation", { dataEntry: dataEntryEn }, true, true); // TEMP-DATA-ENTRY

export function App() {
  const session = useSession();
  if (session.isPending)
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  const user = session.data?.user;
  if (!user) return <LoginPage />;
  return (
    <SessionProvider user={user}>
      <Shell>
        {user.mustChangePassword ? (
          <ChangePasswordPage />
        ) : (
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/rencana" element={<PlanPage />} />
            <Route path="/rencana/impor" element={<PlanImportPage />} />
            <Route path="/rencana/:planId" element={<PlanPage />} />
            <Route path="/spm" element={<SpmPage />} />
            <Route path="/isian" element={<DataEntryPage />} /> {/* TEMP-DATA-ENTRY */}
            <Route path="/kelengkapan" element={<CompletenessPage />} /> {/* TEMP-DATA-ENTRY */}
            <Route path="/unit-organisasi" element={<OrgUnitsPage />} />
            <Route path="/pengguna" element={<UsersPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/kata-sandi" element={<ChangePasswordPage />} />
            <Route path="/masuk" element={<Navigate to="/" replace />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        )}
      </Shell>
    </SessionProvider>
  );
}
